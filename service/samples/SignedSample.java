import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Sends a signed sample SNS notification (an SES hard bounce) to a running customer-email service, the way Amazon SNS
 * would, with a key of your own: for trying the service and checking a deployment. Run with the JDK, no build needed:
 *
 * <pre>
 *   java service/samples/SignedSample.java keys
 *       makes sample-keys.p12 (the signing key) and sample-trust.p12 (its certificate, for the service's trust store)
 *   java service/samples/SignedSample.java send http://127.0.0.1:8080 juan.perez@gmail.com
 *       serves the certificate on https://127.0.0.1:8443/sample.pem while it posts one signed bounce
 * </pre>
 *
 * The service accepts it only when started with that trust store and certificate host 127\.0\.0\.1 (see the service
 * README); with its default settings it refuses it (403), as it must.
 */
public class SignedSample {

    private static final char[] PASSWORD = "changeit".toCharArray();

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("keys")) {
            keys();
        } else if (args.length == 3 && args[0].equals("send")) {
            send(args[1], args[2]);
        } else {
            System.err.println("usage: java SignedSample.java keys | send SERVICE_URL ADDRESS");
            System.exit(2);
        }
    }

    private static void keys() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "sample", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "30", "-keystore", "sample-keys.p12",
                "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "sample", "-keystore", "sample-keys.p12", "-storepass",
                "changeit", "-file", "sample.pem");
        run(keytool, "-importcert", "-noprompt", "-alias", "sample", "-file", "sample.pem", "-keystore",
                "sample-trust.p12", "-storetype", "PKCS12", "-storepass", "changeit");
        System.out.println("made sample-keys.p12, sample.pem and sample-trust.p12");
    }

    private static void send(String service, String address) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("sample-keys.p12"))) {
            ks.load(in, PASSWORD);
        }
        PrivateKey key = (PrivateKey) ks.getKey("sample", PASSWORD);
        byte[] pem = Files.readAllBytes(Path.of("sample.pem"));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8443), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/sample.pem", exchange -> {
            exchange.sendResponseHeaders(200, pem.length);
            exchange.getResponseBody().write(pem);
            exchange.close();
        });
        server.start();
        try {
            Instant now = Instant.now();
            String ses = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                    + "\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"" + address
                    + "\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],"
                    + "\"timestamp\":\"" + now + "\"},\"mail\":{\"timestamp\":\"" + now + "\",\"messageId\":\"sample-"
                    + UUID.randomUUID() + "\",\"source\":\"facturas@example.com\"}}";
            String id = UUID.randomUUID().toString();
            String topic = "arn:aws:sns:us-east-1:123456789012:ses-feedback";
            String toSign = "Message\n" + ses + "\nMessageId\n" + id + "\nTimestamp\n" + now + "\nTopicArn\n" + topic
                    + "\nType\nNotification\n";
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(toSign.getBytes(StandardCharsets.UTF_8));
            String body = "{\"Type\":\"Notification\",\"MessageId\":\"" + id + "\",\"TopicArn\":\"" + topic
                    + "\",\"Message\":" + quote(ses) + ",\"Timestamp\":\"" + now + "\",\"SignatureVersion\":\"2\","
                    + "\"Signature\":\"" + Base64.getEncoder().encodeToString(s.sign()) + "\","
                    + "\"SigningCertURL\":\"https://127.0.0.1:8443/sample.pem\"}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service + "/v1/ses/notifications")).header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("HTTP " + r.statusCode() + " " + r.body());
        } finally {
            server.stop(0);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
