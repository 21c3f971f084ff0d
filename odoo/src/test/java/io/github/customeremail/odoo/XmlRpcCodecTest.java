package io.github.customeremail.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codec against documents written the way Python's xmlrpc.client writes them, and against hostile ones. */
class XmlRpcCodecTest {

    private final XmlRpcCodec codec = new XmlRpcCodec(XmlRpcCodec.Limits.DEFAULT);

    private Object decode(String xml) {
        XmlRpcCodec.Response response = codec.decodeResponse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(response).isInstanceOf(XmlRpcCodec.Success.class);
        return ((XmlRpcCodec.Success) response).value();
    }

    private static String response(String value) {
        return "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n" + value
                + "\n</param>\n</params>\n</methodResponse>\n";
    }

    @Test
    void readsEveryTypeOdooSends() {
        // As Python 3.11's xmlrpc.client.dumps((value,), methodresponse=True) writes it.
        String xml = response("<value><struct>\n"
                + "<member>\n<name>id</name>\n<value><int>7</int></value>\n</member>\n"
                + "<member>\n<name>n</name>\n<value><i4>-3</i4></value>\n</member>\n"
                + "<member>\n<name>email</name>\n<value><boolean>0</boolean></value>\n</member>\n"
                + "<member>\n<name>name</name>\n<value><string>Peña &amp; Hijos &lt;SA&gt;</string></value>\n</member>\n"
                + "<member>\n<name>plain</name>\n<value>untyped</value>\n</member>\n"
                + "<member>\n<name>ratio</name>\n<value><double>0.25</double></value>\n</member>\n"
                + "<member>\n<name>at</name>\n<value><dateTime.iso8601>20240131T23:59:58</dateTime.iso8601></value>\n</member>\n"
                + "<member>\n<name>blob</name>\n<value><base64>\naG9sYQ==\n</base64></value>\n</member>\n"
                + "<member>\n<name>company_id</name>\n<value><array><data>\n<value><int>1</int></value>\n"
                + "<value><string>Tu Matera</string></value>\n</data></array></value>\n</member>\n"
                + "</struct></value>");
        assertThat(decode(xml)).isEqualTo(Map.of(
                "id", 7, "n", -3, "email", false, "name", "Peña & Hijos <SA>", "plain", "untyped", "ratio", 0.25,
                "at", LocalDateTime.of(2024, 1, 31, 23, 59, 58),
                "blob", new OdooBinary("hola".getBytes(StandardCharsets.US_ASCII)),
                "company_id", List.of(1, "Tu Matera")));
    }

    @Test
    void readsAFaultAsOdooWritesIt() {
        String xml = "<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n<value><struct>\n"
                + "<member>\n<name>faultCode</name>\n<value><int>4</int></value>\n</member>\n"
                + "<member>\n<name>faultString</name>\n<value><string>You are not allowed to modify 'Contact'"
                + "</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n";
        assertThat(codec.decodeResponse(xml.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new XmlRpcCodec.Fault(4, "You are not allowed to modify 'Contact'"));
    }

    @Test
    void writesAMethodCallPythonCanRead() {
        String xml = new String(codec.encodeCall("execute_kw", List.of("db", 2, "k<&>", List.of(List.of("id", ">", 0)),
                Map.of("limit", 5), true)), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>execute_kw<")
                .contains("<string>k&lt;&amp;&gt;</string>")
                .contains("<member><name>limit</name><value><int>5</int></value></member>")
                .contains("<boolean>1</boolean>");
    }

    @Test
    void refusesNilBothWays() {
        assertThatThrownBy(() -> decode(response("<value><nil/></value>")))
                .isInstanceOf(OdooProtocolException.class).hasMessageContaining("nil");
        assertThatThrownBy(() -> codec.encodeCall("m", java.util.Collections.singletonList(null)))
                .isInstanceOf(OdooProtocolException.class).hasMessageContaining("allow_none");
    }

    @Test
    void refusesTheBillionLaughs() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
                + response("<value><string>&lol3;</string></value>").substring("<?xml version='1.0'?>\n".length());
        assertThatThrownBy(() -> decode(bomb)).isInstanceOf(OdooProtocolException.class);
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<methodResponse><params><param><value><string>&xxe;</string></value></param></params>"
                + "</methodResponse>";
        assertThatThrownBy(() -> decode(xxe)).isInstanceOf(OdooProtocolException.class)
                .hasMessageNotContaining("root:");
        String dtdOnly = "<?xml version=\"1.0\"?>\n<!DOCTYPE methodResponse SYSTEM \"http://127.0.0.1:1/x.dtd\">\n"
                + "<methodResponse><params><param><value>x</value></param></params></methodResponse>";
        assertThatThrownBy(() -> decode(dtdOnly)).isInstanceOf(OdooProtocolException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void enforcesItsLimits() {
        XmlRpcCodec small = new XmlRpcCodec(new XmlRpcCodec.Limits(4096, 3, 50));
        String deep = response("<value><array><data>".repeat(5) + "<value>x</value>"
                + "</data></array></value>".repeat(5));
        assertThatThrownBy(() -> small.decodeResponse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OdooProtocolException.class).hasMessageContaining("deeper");
        String wide = response("<value><array><data>" + "<value><int>1</int></value>".repeat(40)
                + "</data></array></value>");
        assertThatThrownBy(() -> small.decodeResponse(wide.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OdooProtocolException.class).hasMessageContaining("elements");
        byte[] big = response("<value><string>" + "a".repeat(5000) + "</string></value>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.decodeResponse(big))
                .isInstanceOf(OdooProtocolException.class).hasMessageContaining("bytes");
    }

    @Test
    void refusesWhatTheProtocolDoesNotAllow() {
        List<String> bad = List.of(
                response("<value><int>2147483648</int></value>"),
                response("<value><boolean>true</boolean></value>"),
                response("<value><double>NaN</double></value>"),
                response("<value><double>0x1p3</double></value>"),
                response("<value><i8>5</i8></value>"),
                response("<value><dateTime.iso8601>2024-13-01</dateTime.iso8601></value>"),
                response("<value><base64>!!!</base64></value>"),
                response("<value><struct><member><name>a</name><value>1</value></member>"
                        + "<member><name>a</name><value>2</value></member></struct></value>"),
                response("<value>text<int>1</int></value>"),
                "<methodResponse><params></params></methodResponse>",
                "<methodResponse><params><param><value>1</value></param></params></methodResponse><x/>",
                "<html><body>502 Bad Gateway</body></html>",
                "");
        for (String xml : bad) {
            assertThatThrownBy(() -> decode(xml)).as(xml).isInstanceOf(OdooProtocolException.class);
        }
    }

    @Test
    void refusesTextXmlCannotCarry() {
        assertThatThrownBy(() -> codec.encodeCall("m", List.of("a\u0000b")))
                .isInstanceOf(OdooProtocolException.class).hasMessageContaining("U+0");
        assertThatThrownBy(() -> codec.encodeCall("m", List.of("\ud800")))
                .isInstanceOf(OdooProtocolException.class);
        assertThatThrownBy(() -> codec.encodeCall("m", List.of(1L << 40)))
                .isInstanceOf(OdooProtocolException.class).hasMessageContaining("32-bit");
    }
}
