package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The code's mail through a relay that, like Amazon SES's SMTP interface, requires STARTTLS and then AUTH: Debian's
 * aiosmtpd on loopback, with a certificate made for the test. Only the application's defaults for STARTTLS are used
 * (required); the test adds the credentials, AUTH, and trust in its self-made certificate. Skipped with a message
 * without {@code python3-aiosmtpd} and {@code openssl}, except under {@code CI=true}, where {@code .ci/run}
 * installs them.
 */
@SpringBootTest(properties = {
        "customer-email.dns.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:relay-tls;DB_CLOSE_DELAY=-1",
        "customer-email.verification.company-name=Tu Matera S.A.S.",
        "customer-email.verification.from=facturas@tumatera.com",
        "spring.mail.host=127.0.0.1",
        "spring.mail.username=ses-smtp-user",
        "spring.mail.password=ses-smtp-password",
        "spring.mail.properties.mail.smtp.auth=true",
        "spring.mail.properties.mail.smtp.ssl.trust=127.0.0.1"})
class VerificationRelayTlsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Path dir;
    private static Path received;
    private static Process relay;
    private static int port;

    @Autowired
    VerificationService verification;

    @BeforeAll
    static void startRelay() throws Exception {
        dir = Files.createTempDirectory("relay-tls");
        received = dir.resolve("received.txt");
        Path script = dir.resolve("starttls_relay.py");
        try (var in = VerificationRelayTlsTest.class.getResourceAsStream("/smtp/starttls_relay.py")) {
            Files.copy(in, script);
        }
        requireTool(run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", dir.resolve("key.pem").toString(),
                "-out", dir.resolve("cert.pem").toString()), "openssl");
        requireTool(Files.isExecutable(PYTHON) && run(PYTHON.toString(), "-c", "import aiosmtpd"),
                "python3-aiosmtpd");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        relay = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(port),
                dir.resolve("cert.pem").toString(), dir.resolve("key.pem").toString(), "ses-smtp-user",
                "ses-smtp-password", received.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the relay starts").isEqualTo("READY");
    }

    @DynamicPropertySource
    static void relayPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> port);
    }

    @AfterAll
    static void stopRelay() throws Exception {
        if (relay != null) {
            relay.getOutputStream().close();
            if (!relay.waitFor(10, TimeUnit.SECONDS)) {
                relay.destroy();
            }
        }
    }

    @Test
    void theCodeTravelsOverStartTlsWithTheCredentials() throws Exception {
        VerificationService.Outcome sent = verification.send(" Cliente@Gmail.com", "maria", Locale.ENGLISH);
        assertThat(sent.status()).isEqualTo(VerificationService.Status.SENT);
        String mail = Files.readString(received, StandardCharsets.UTF_8);
        assertThat(mail).startsWith("SESSION tls=True auth=ses-smtp-user\n");
        assertThat(mail).contains("Subject: Your verification code from Tu Matera S.A.S.");
        Matcher code = Pattern.compile("Your code is: ([0-9]{6})").matcher(mail);
        assertThat(code.find()).isTrue();
        assertThat(verification.confirm("cliente@gmail.com", code.group(1), "maria").status())
                .isEqualTo(VerificationService.Status.VERIFIED);
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void requireTool(boolean present, String name) {
        if (!present) {
            String why = name + " is missing (apt-get install python3-aiosmtpd openssl)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; .ci/run installs it");
            }
            Assumptions.abort(why);
        }
    }
}
