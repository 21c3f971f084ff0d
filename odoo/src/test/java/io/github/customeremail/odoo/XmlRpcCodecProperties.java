package io.github.customeremail.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

/** The XML-RPC codec: what it writes it reads back unchanged, and no input makes it throw anything else. */
class XmlRpcCodecProperties {

    private final XmlRpcCodec codec = new XmlRpcCodec(XmlRpcCodec.Limits.DEFAULT);

    @Property(tries = 200)
    void encodeThenDecodeGivesTheSameValue(@ForAll("values") Object value) {
        XmlRpcCodec.Response decoded = codec.decodeResponse(codec.encodeResponse(value));
        assertThat(decoded).isEqualTo(new XmlRpcCodec.Success(value));
    }

    @Property(tries = 1000)
    void randomBytesGiveOnlyTheCodecsOwnException(@ForAll byte[] body) {
        assertOnlyProtocolErrors(body);
    }

    @Property(tries = 300)
    void mutatedAnswersGiveOnlyTheCodecsOwnException(@ForAll("values") Object value,
                                                     @ForAll("mutations") List<Integer> positions) {
        byte[] body = codec.encodeResponse(value);
        for (int i = 0; i + 1 < positions.size(); i += 2) {
            body[Math.floorMod(positions.get(i), body.length)] = (byte) (int) positions.get(i + 1);
        }
        assertOnlyProtocolErrors(body);
    }

    @Property(tries = 100)
    void truncatedAnswersAreRefused(@ForAll("values") Object value, @ForAll("fractions") double fraction) {
        byte[] body = codec.encodeResponse(value);
        int cut = (int) (body.length * fraction);
        byte[] truncated = java.util.Arrays.copyOf(body, Math.min(cut, body.length - 1));
        assertThatThrownBy(() -> codec.decodeResponse(truncated)).isInstanceOf(OdooProtocolException.class);
    }

    private void assertOnlyProtocolErrors(byte[] body) {
        try {
            codec.decodeResponse(body);
        } catch (OdooProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<List<Integer>> mutations() {
        return Arbitraries.integers().list().ofMinSize(2).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(this::scalars, this::containers, 0, 3);
    }

    private Arbitrary<Object> containers(Arbitrary<Object> inner) {
        return Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(xmlText().ofMaxLength(12), inner).ofMaxSize(4).map(m -> (Object) m));
    }

    private Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                xmlText().ofMaxLength(40).map(s -> (Object) s),
                xmlText().ofMaxLength(10).map(s -> (Object) (s + "😀" + s)),
                Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d),
                Arbitraries.longs().between(0, 253_402_300_799L).map(s -> (Object) LocalDateTime.ofEpochSecond(s, 0,
                        java.time.ZoneOffset.UTC)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(b -> (Object) new OdooBinary(b)));
    }

    /** Text XML 1.0 can carry: tabs, newlines, CR, markup characters, accents (emoji are added whole). */
    private static StringArbitrary xmlText() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('\t', '\n', '\r', 'ñ', 'Ñ', 'é', '＠', '\u00a0', '\u200b');
    }

    @Property(tries = 100)
    void bytesInAStringSurviveWhateverTheirEncoding(@ForAll("texts") String text) {
        String xml = "<?xml version='1.0'?><methodResponse><params><param><value><string>"
                + text.replace("&", "&amp;").replace("<", "&lt;")
                + "</string></value></param></params></methodResponse>";
        assertThat(codec.decodeResponse(xml.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new XmlRpcCodec.Success(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('ñ', 'ü', '€').ofMaxLength(30);
    }

    @Property(tries = 50)
    void structsKeepTheirMembersInOrder(@ForAll("keys") List<String> keys) {
        Map<String, Object> struct = new java.util.LinkedHashMap<>();
        keys.forEach(k -> struct.put(k, k.length()));
        Object decoded = ((XmlRpcCodec.Success) codec.decodeResponse(codec.encodeResponse(struct))).value();
        assertThat(List.copyOf(((Map<?, ?>) decoded).keySet())).isEqualTo(List.copyOf(struct.keySet()));
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).list().uniqueElements().ofMaxSize(10);
    }
}
