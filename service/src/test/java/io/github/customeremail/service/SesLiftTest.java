package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Lifting a suppression also lifts it from SES's account-level list (SESv2 DeleteSuppressedDestination), against a
 * loopback SESv2 stand-in that speaks its REST-JSON protocol: listed, not listed (404 NotFoundException), failing
 * (500; the local lift stands).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "customer-email.service.ses.enabled=true",
        "customer-email.service.ses.region=us-east-1",
        "spring.datasource.url=jdbc:h2:mem:ses-lift;DB_CLOSE_DELAY=-1"})
class SesLiftTest {

    private static final Set<String> ON_SES_LIST = Set.of("listado@gmail.com");
    private static final List<String> DELETES = new CopyOnWriteArrayList<>();
    private static final HttpServer SES = start();

    @LocalServerPort
    int port;
    @Autowired
    FeedbackIntake intake;

    private static HttpServer start() {
        try {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v2/email/suppression/addresses/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                String address = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
                DELETES.add(exchange.getRequestMethod() + " " + address);
                int status;
                byte[] body;
                if (address.startsWith("falla")) {
                    status = 500;
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalFailure");
                    body = "{\"message\":\"injected\"}".getBytes(StandardCharsets.UTF_8);
                } else if (ON_SES_LIST.contains(address)) {
                    status = 200;
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                } else {
                    status = 404;
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "NotFoundException");
                    body = "{\"message\":\"not on the suppression list\"}".getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("customer-email.service.ses.endpoint",
                () -> "http://127.0.0.1:" + SES.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        SES.stop(0);
    }

    private JsonNode lift(String address) throws Exception {
        intake.acceptEnvelopeOrBare(SnsSigner.bounce(address, "Permanent", "NoEmail", "5.1.1", "550 5.1.1",
                Instant.now()), "n-" + address, "test");
        return LoopbackClient.json(new LoopbackClient(port).post("/v1/suppressions/lift",
                "{\"address\":\"" + address + "\"}"));
    }

    @Test
    void aLiftIsSentToSesAndItsAnswerReported() throws Exception {
        JsonNode listed = lift("listado@gmail.com");
        assertThat(listed.path("lifted").asBoolean()).isTrue();
        assertThat(listed.path("ses").asString()).isEqualTo("lifted");
        assertThat(lift("nolistado@gmail.com").path("ses").asString()).isEqualTo("not-listed");
        JsonNode failing = lift("falla@gmail.com");
        assertThat(failing.path("ses").asString()).isEqualTo("failed");
        assertThat(failing.path("lifted").asBoolean()).as("the local lift stands").isTrue();
        assertThat(DELETES).contains("DELETE listado@gmail.com", "DELETE nolistado@gmail.com",
                "DELETE falla@gmail.com");
    }
}
