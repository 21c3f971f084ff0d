package io.github.customeremail.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against the Odoo stand-in: protocol choice, Odoo's errors, and servers that misbehave. */
class OdooClientTest {

    @ParameterizedTest
    @ValueSource(strings = {"14.0", "17.0", "saas~18.2", "19.0"})
    void picksTheProtocolFromTheServersVersion(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 3)) {
            OdooClient client = odoo.connect();
            int major = Integer.parseInt(version.replace("saas~", "").split("\\.")[0]);
            assertThat(client.version()).get().extracting(OdooVersion::major).isEqualTo(major);
            assertThat(client.protocol()).isEqualTo(major >= 19 ? OdooProtocol.JSON_2 : OdooProtocol.XML_RPC);
            List<Map<String, Object>> rows = client.searchRead("res.partner", List.of(), List.of("email", "name"),
                    1, 5, "id desc");
            assertThat(rows).extracting(r -> r.get("id")).containsExactly(2, 1);
            assertThat(rows.get(0)).containsEntry("email", "cliente00002@ejemplo.com");
        }
    }

    @Test
    void refusesAnOdooOlderThan14() {
        try (OdooStandin odoo = OdooStandin.start("13.0", 0)) {
            assertThatThrownBy(odoo::connect).isInstanceOf(OdooProtocolException.class)
                    .hasMessageContaining("Odoo 13.0 is older than 14.0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void mapsOdoosErrorsToKinds(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 3)) {
            assertThatThrownBy(() -> OdooClient.connect(odoo.settings().apiKey("wrong")
                    .protocol(OdooProtocol.valueOf(version.startsWith("19") ? "JSON_2" : "XML_RPC")).build())
                    .searchRead("res.partner", List.of(), List.of("email"), 0, 1, "id"))
                    .isInstanceOfSatisfying(OdooFaultException.class,
                            e -> assertThat(e.kind()).isEqualTo(OdooFaultException.Kind.AUTHENTICATION));
            assertThatThrownBy(() -> OdooClient.connect(odoo.settings().database("nope").build())
                    .searchRead("res.partner", List.of(), List.of("email"), 0, 1, "id"))
                    .isInstanceOfSatisfying(OdooFaultException.class,
                            e -> assertThat(e.kind()).isEqualTo(OdooFaultException.Kind.WRONG_DATABASE));
            OdooClient client = odoo.connect();
            assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("email", "x_no_such_field"),
                    0, 1, "id"))
                    .isInstanceOfSatisfying(OdooFaultException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OdooFaultException.Kind.MISSING_FIELD);
                        assertThat(e.getMessage()).contains("x_no_such_field").doesNotContain("Traceback");
                    });
            assertThatThrownBy(() -> client.read("res.partner", List.of(999), List.of("email")))
                    .isInstanceOfSatisfying(OdooFaultException.class,
                            e -> assertThat(e.kind()).isEqualTo(OdooFaultException.Kind.MISSING_RECORD));
            assertThatThrownBy(() -> client.execute("mail.blacklist", "_add", List.of(), Map.of("email", "a@b.co")))
                    .isInstanceOfSatisfying(OdooFaultException.class,
                            e -> assertThat(e.kind()).isEqualTo(OdooFaultException.Kind.ACCESS_ERROR));
            odoo.control(Map.of("action", "forbid", "ids", List.of(2)));
            assertThatThrownBy(() -> client.write("res.partner", List.of(1, 2), Map.of("email", "x@y.com")))
                    .isInstanceOfSatisfying(OdooFaultException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OdooFaultException.Kind.ACCESS_ERROR);
                        assertThat(e.serverMessage()).contains("res.partner: 2");
                    });
            assertThat(client.read("res.partner", List.of(1), List.of("email")).get(0))
                    .as("Odoo aborts the whole write").containsEntry("email", "cliente00001@ejemplo.com");
        }
    }

    @Test
    void aWrongLoginIsRefusedAtConnect() {
        try (OdooStandin odoo = OdooStandin.start("17.0", 0)) {
            assertThatThrownBy(() -> OdooClient.connect(odoo.settings().login("nobody@example.com").build()))
                    .isInstanceOfSatisfying(OdooFaultException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OdooFaultException.Kind.AUTHENTICATION);
                        assertThat(e.getMessage()).contains("nobody@example.com").doesNotContain(OdooStandin.KEY);
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void retriesGatewayErrorsOfReadsAndGivesUpClearly(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 3)) {
            OdooClient client = odoo.connect();
            odoo.control(Map.of("action", "faults", "gateway_errors", 2));
            assertThat(client.searchRead("res.partner", List.of(), List.of("email"), 0, 3, "id")).hasSize(3);
            odoo.control(Map.of("action", "faults", "gateway_errors", 3));
            assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("email"), 0, 3, "id"))
                    .isInstanceOf(OdooTransportException.class).hasMessageContaining("HTTP 503")
                    .hasMessageContaining("3 attempt");
            odoo.control(Map.of("action", "faults", "gateway_errors", 1));
            assertThatThrownBy(() -> client.postNote("res.partner", 1, "hola"))
                    .as("a note is never posted twice").isInstanceOf(OdooTransportException.class);
            assertThat((List<?>) odoo.state(List.of()).get("messages")).isEmpty();
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsAClearError() {
        try (OdooStandin odoo = OdooStandin.start("17.0", 3)) {
            OdooClient client = OdooClient.connect(odoo.settings().requestTimeout(Duration.ofSeconds(3))
                    .maxAttempts(2).build());
            odoo.control(Map.of("action", "faults", "delay", 120));
            assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("email"), 0, 3, "id"))
                    .isInstanceOf(OdooTransportException.class).hasMessageContaining("did not answer in time");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<html><body>Odoo is being upgraded</body></html>",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<methodResponse><params><param><value>&b;</value></param></params></methodResponse>",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<methodResponse><params><param><value>&x;</value></param></params></methodResponse>",
        "<methodResponse><params><param><value><nil/></value></param></params></methodResponse>"})
    void aServerAnsweringGarbageIsAClearError(String garbage) {
        try (OdooStandin odoo = OdooStandin.start("17.0", 3)) {
            OdooClient client = odoo.connect();
            odoo.control(Map.of("action", "faults", "garbage", garbage));
            assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("email"), 0, 3, "id"))
                    .isInstanceOf(OdooProtocolException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void anAnswerLargerThanTheCapIsRefusedUnread(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 3)) {
            OdooClient client = OdooClient.connect(odoo.settings().maxResponseBytes(4096).build());
            odoo.control(Map.of("action", "faults", "garbage", "<methodResponse>" + "x".repeat(100_000)));
            assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("email"), 0, 3, "id"))
                    .isInstanceOf(OdooProtocolException.class).hasMessageContaining("larger than 4096 bytes");
        }
    }

    @Test
    void jsonGarbageFromJson2IsAClearError() {
        try (OdooStandin odoo = OdooStandin.start("19.0", 3)) {
            OdooClient client = odoo.connect();
            odoo.control(Map.of("action", "faults", "garbage", "{\"unterminated\": ["));
            assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("email"), 0, 3, "id"))
                    .isInstanceOf(OdooProtocolException.class).hasMessageContaining("not JSON");
        }
    }

    @Test
    void aRefusedConnectionIsAClearErrorAfterRetries() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OdooSettings settings = OdooSettings.builder().url("http://127.0.0.1:" + port).database("d").login("l")
                .apiKey("k").initialBackoff(Duration.ofMillis(5)).build();
        assertThatThrownBy(() -> OdooClient.connect(settings)).isInstanceOf(OdooTransportException.class)
                .hasMessageContaining("refused the connection").hasMessageContaining("3 attempt");
    }

    @Test
    void settingsFailFastNamingTheSetting() {
        assertThatThrownBy(() -> OdooSettings.builder().url("ftp://x").database("d").login("l").apiKey("k").build())
                .hasMessageContaining("odoo.url");
        assertThatThrownBy(() -> OdooSettings.builder().url("http://x").login("l").apiKey("k").build())
                .hasMessageContaining("odoo.database");
        assertThatThrownBy(() -> OdooSettings.builder().url("http://x").database("d").login("l").build())
                .hasMessageContaining("odoo.api-key");
        assertThatThrownBy(() -> OdooSettings.builder().url("http://x").database("d").login("l").apiKey("k")
                .maxAttempts(0).build()).hasMessageContaining("odoo.max-attempts");
        assertThat(OdooSettings.builder().url("http://x").database("d").login("l").apiKey("secret").build()
                .toString()).doesNotContain("secret");
    }
}
