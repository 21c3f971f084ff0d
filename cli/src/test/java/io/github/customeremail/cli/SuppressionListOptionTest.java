package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.customeremail.cli.CliRun.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --suppression-list FILE} (the service's export file) and {@code --service URL} (a running service's export,
 * served here by a loopback HTTP server that wants the API key) make {@code check} and {@code audit} refuse the
 * suppressed addresses with the service's reason.
 */
class SuppressionListOptionTest {

    private static final String KEY = "clave-de-servicio-0123456789";
    private static final String EXPORT = """
            {"address":"juan.perez@gmail.com","reason":"MAILBOX_DOES_NOT_EXIST","date":"2026-11-03","diagnostic":"smtp; 550 5.1.1 user unknown"}
            {"address":"ana@hotmail.com","reason":"COMPLAINT","date":"2026-01-15","diagnostic":""}
            """;

    @TempDir
    Path dir;
    private HttpServer service;
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/v1/suppressions/export", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            keysSeen.add(String.valueOf(key));
            byte[] body = (KEY.equals(key) ? EXPORT : "{\"error\":\"unauthorized\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(KEY.equals(key) ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + service.getAddress().getPort() + "/";
    }

    @Test
    void checkRefusesTheAddressesOfTheExportFile() throws IOException {
        Path file = Files.writeString(dir.resolve("suppressions.jsonl"), EXPORT);
        Run r = run("check", "--dns", "off", "--format", "json", "--suppression-list", file.toString(),
                "Juan.Perez@Gmail.com", "ana@hotmail.com", "maria@gmail.com");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains("\"verdict\":\"INVALID\"").contains("\"code\":\"PREVIOUSLY_BOUNCED\"")
                .contains("El correo a esta dirección fue rechazado el 3/11/2026: la cuenta no existe (550 5.1.1)");
        assertThat(lines.get(1)).contains("\"verdict\":\"INVALID\"").contains("\"code\":\"COMPLAINED\"");
        assertThat(lines.get(2)).contains("\"verdict\":\"VALID\"");
    }

    @Test
    void aBadExportFileIsAUsageErrorNamingTheOptionAndTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), EXPORT + "{\"address\":\"x@y.com\",\"reason\":\"NOPE\","
                + "\"date\":\"2026-01-01\"}\n");
        Run r = run("check", "--dns", "off", "--suppression-list", file.toString(), "maria@gmail.com");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--suppression-list").contains("line 3");
        Run missing = run("check", "--dns", "off", "--suppression-list", dir.resolve("none.jsonl").toString(),
                "maria@gmail.com");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--suppression-list: cannot read");
    }

    @Test
    void auditTakesTheListFromARunningServiceWithTheKeyFromAFile() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("service.key"), KEY + "\n");
        Path csv = Files.writeString(dir.resolve("contactos.csv"), "id,name,email\n1,Juan,juan.perez@gmail.com\n"
                + "2,María,maria@gmail.com\n");
        Run r = run("audit", "--dns", "off", "--format", "json", "--service", url(), "--service-key-file",
                keyFile.toString(), csv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(keysSeen).contains(KEY);
        String checked = Files.readString(dir.resolve("contactos.checked.csv"));
        assertThat(checked.lines().filter(l -> l.contains("juan.perez@gmail.com")).findFirst().orElseThrow())
                .contains("INVALID").contains("PREVIOUSLY_BOUNCED");
        assertThat(checked.lines().filter(l -> l.contains("maria@gmail.com")).findFirst().orElseThrow())
                .contains("VALID").doesNotContain("INVALID");
    }

    @Test
    void aRefusedOrMissingKeyIsAClearError() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.key"), "otra-clave-0123456789\n");
        Run refused = run("check", "--dns", "off", "--service", url(), "--service-key-file", wrong.toString(),
                "maria@gmail.com");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("refused the API key (HTTP 401)");
        assertThatThrownBy(() -> SuppressionSource.apiKey(null, Map.of()))
                .hasMessageContaining(SuppressionSource.API_KEY_VARIABLE).hasMessageContaining("never");
        org.assertj.core.api.Assertions.assertThat(assertDoesNotThrow(() ->
                SuppressionSource.apiKey(null, Map.of(SuppressionSource.API_KEY_VARIABLE, " " + KEY + " "))))
                .isEqualTo(KEY);
        Run badUrl = run("check", "--dns", "off", "--service", "ftp://127.0.0.1/", "maria@gmail.com");
        assertThat(badUrl.status()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--service needs the service's http:// or https:// URL");
        assertThat(run("check", "--help").out()).doesNotContain("--api-key ").contains("--service-key-file");
    }

    private static <T> T assertDoesNotThrow(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
