package io.github.customeremail.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keys and certificates made for the tests by the JDK's keytool: one valid key (TLS of the loopback certificate
 * host and SNS signatures alike) and one whose certificate has expired. Nothing here is used outside tests.
 */
final class TestCertificates {

    static final char[] PASSWORD = "changeit".toCharArray();
    private static TestCertificates instance;

    final Path dir;
    final KeyStore keyStore;

    private TestCertificates(Path dir, KeyStore keyStore) {
        this.dir = dir;
        this.keyStore = keyStore;
    }

    static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("sns-test-certs");
                Path store = dir.resolve("keys.p12");
                keytool("-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                        "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "30", "-keystore", store.toString(),
                        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
                keytool("-genkeypair", "-alias", "expired", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                        "CN=expired", "-startdate", "-60d", "-validity", "10", "-keystore", store.toString(),
                        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
                for (String alias : List.of("sns", "expired")) {
                    keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass",
                            "changeit", "-file", dir.resolve(alias + ".pem").toString());
                }
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    ks.load(in, PASSWORD);
                }
                instance = new TestCertificates(dir, ks);
            } catch (Exception e) {
                throw new IllegalStateException("test certificates could not be made", e);
            }
        }
        return instance;
    }

    PrivateKey key(String alias) throws Exception {
        return (PrivateKey) keyStore.getKey(alias, PASSWORD);
    }

    X509Certificate certificate(String alias) throws Exception {
        return (X509Certificate) keyStore.getCertificate(alias);
    }

    byte[] pem(String alias) throws IOException {
        return Files.readAllBytes(dir.resolve(alias + ".pem"));
    }

    /** @return a TLS context serving the "sns" key */
    SSLContext serverContext() throws Exception {
        KeyStore only = KeyStore.getInstance("PKCS12");
        only.load(null, PASSWORD);
        only.setKeyEntry("sns", key("sns"), PASSWORD, new java.security.cert.Certificate[] {certificate("sns")});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(only, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** @return a TLS context trusting only the test certificate (the tests' trust store) */
    SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, PASSWORD);
        trust.setCertificateEntry("sns", certificate("sns"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }
}
