package io.github.customeremail.odoo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A strict codec of the XML-RPC types Odoo uses: {@code int}/{@code i4} ({@link Integer}), {@code boolean},
 * {@code string} (also an untyped value), {@code double}, {@code dateTime.iso8601} ({@link LocalDateTime}),
 * {@code base64} ({@link OdooBinary}), {@code array} ({@link List}) and {@code struct} ({@link Map}).
 * {@code nil} is refused: Odoo marshals with {@code allow_none=False} (odoo/addons/base/controllers/rpc.py), so it
 * never sends one, and this codec never writes one.
 *
 * <p>Parsing is StAX with DTDs and external entities off, coalescing, and limits on body size, nesting depth and
 * element count. Bad input of any kind ends in {@link OdooProtocolException}, never another exception.
 */
final class XmlRpcCodec {

    /** Python's xmlrpc.client writes {@code %Y%m%dT%H:%M:%S}. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[ \\t\\r\\n]+");

    private final Limits limits;
    private final XMLInputFactory factory;

    /**
     * Limits on what the parser accepts.
     *
     * @param maxBytes    largest document, in bytes
     * @param maxDepth    deepest nesting of arrays and structs
     * @param maxElements most XML elements in one document
     */
    record Limits(int maxBytes, int maxDepth, int maxElements) {
        static final Limits DEFAULT = new Limits(64 * 1024 * 1024, 64, 4_000_000);

        Limits {
            if (maxBytes < 1 || maxDepth < 1 || maxElements < 1) {
                throw new IllegalArgumentException("XML-RPC limits must be positive");
            }
        }
    }

    /** A decoded methodResponse: either the single result or a fault. */
    sealed interface Response permits Success, Fault {
    }

    /** @param value the single param of a methodResponse */
    record Success(Object value) implements Response {
    }

    /**
     * @param code   faultCode (Odoo's /xmlrpc/2 uses ints: 1 application, 2 warning, 3 access denied, 4 access error)
     * @param string faultString
     */
    record Fault(Object code, String string) implements Response {
    }

    XmlRpcCodec(Limits limits) {
        this.limits = limits;
        this.factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        // Errors reach the caller as exceptions; the default reporter would also print them.
        factory.setXMLReporter((message, type, info, location) -> { });
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
    }

    // ---------------------------------------------------------------- encoding

    /** Encodes a methodCall. */
    byte[] encodeCall(String method, List<?> params) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>");
        appendText(out, method);
        out.append("</methodName><params>");
        for (Object param : params) {
            out.append("<param>");
            appendValue(out, param, 0);
            out.append("</param>");
        }
        out.append("</params></methodCall>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Encodes a methodResponse with one value; the stand-in tests and the round-trip property use it. */
    byte[] encodeResponse(Object value) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse><params><param>");
        appendValue(out, value, 0);
        out.append("</param></params></methodResponse>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendValue(StringBuilder out, Object value, int depth) {
        if (depth > limits.maxDepth()) {
            throw new OdooProtocolException("XML-RPC value nested deeper than " + limits.maxDepth());
        }
        out.append("<value>");
        if (value == null) {
            throw new OdooProtocolException("XML-RPC has no null: Odoo refuses nil (allow_none=False); send false");
        } else if (value instanceof Boolean b) {
            out.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append("<int>").append(value).append("</int>");
        } else if (value instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new OdooProtocolException("integer " + l + " exceeds XML-RPC's 32-bit int");
            }
            out.append("<int>").append(l).append("</int>");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new OdooProtocolException("XML-RPC double must be finite, was " + d);
            }
            out.append("<double>").append(d).append("</double>");
        } else if (value instanceof CharSequence s) {
            out.append("<string>");
            appendText(out, s.toString());
            out.append("</string>");
        } else if (value instanceof LocalDateTime t) {
            out.append("<dateTime.iso8601>").append(DATE_TIME.format(t)).append("</dateTime.iso8601>");
        } else if (value instanceof OdooBinary b) {
            out.append("<base64>").append(Base64.getEncoder().encodeToString(b.bytes())).append("</base64>");
        } else if (value instanceof List<?> list) {
            out.append("<array><data>");
            for (Object item : list) {
                appendValue(out, item, depth + 1);
            }
            out.append("</data></array>");
        } else if (value instanceof Map<?, ?> map) {
            out.append("<struct>");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new OdooProtocolException("XML-RPC struct keys must be strings, was " + e.getKey());
                }
                out.append("<member><name>");
                appendText(out, key);
                out.append("</name>");
                appendValue(out, e.getValue(), depth + 1);
                out.append("</member>");
            }
            out.append("</struct>");
        } else {
            throw new OdooProtocolException("no XML-RPC type for " + value.getClass().getName());
        }
        out.append("</value>");
    }

    /** Escapes markup; keeps CR as a reference (a parser turns a raw CR into LF); refuses what XML 1.0 cannot hold. */
    private static void appendText(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n')
                            || c == 0xFFFE || c == 0xFFFF) {
                        throw new OdooProtocolException(
                                "character U+" + Integer.toHexString(c).toUpperCase() + " cannot travel in XML 1.0");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes a methodResponse. */
    Response decodeResponse(byte[] body) {
        if (body.length > limits.maxBytes()) {
            throw new OdooProtocolException("XML-RPC answer larger than " + limits.maxBytes() + " bytes");
        }
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new java.io.StringReader(utf8(body)));
            Cursor cursor = new Cursor(reader, limits);
            cursor.nextTag();
            cursor.expectStart("methodResponse");
            cursor.nextTag();
            Response response;
            if (cursor.isStart("params")) {
                cursor.nextTag();
                cursor.expectStart("param");
                cursor.nextTag();
                Object value = cursor.readValue(0);
                cursor.nextTag();
                cursor.expectEnd("param");
                cursor.nextTag();
                cursor.expectEnd("params");
                response = new Success(value);
            } else if (cursor.isStart("fault")) {
                cursor.nextTag();
                Object value = cursor.readValue(0);
                if (!(value instanceof Map<?, ?> struct) || !struct.containsKey("faultCode")
                        || !(struct.get("faultString") instanceof String faultString)) {
                    throw new OdooProtocolException("XML-RPC fault without faultCode and faultString");
                }
                cursor.nextTag();
                cursor.expectEnd("fault");
                response = new Fault(struct.get("faultCode"), faultString);
            } else {
                throw new OdooProtocolException("XML-RPC methodResponse holds neither params nor fault");
            }
            cursor.nextTag();
            cursor.expectEnd("methodResponse");
            cursor.expectDocumentEnd();
            return response;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof OdooProtocolException p) {
                throw p;
            }
            throw new OdooProtocolException("malformed XML-RPC answer: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new OdooProtocolException("XML-RPC answer nested too deeply", null);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release: the input is an in-memory array
                }
            }
        }
    }

    /** Odoo writes UTF-8 (rpc.py declares no other encoding); anything else is refused before parsing. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new OdooProtocolException("XML-RPC answer is not UTF-8", e);
        }
    }

    /** Walks the StAX events, refusing DTDs and entity references and counting elements. */
    private static final class Cursor {
        private final XMLStreamReader reader;
        private final Limits limits;
        private int elements;

        Cursor(XMLStreamReader reader, Limits limits) {
            this.reader = reader;
            this.limits = limits;
        }

        /** Moves to the next start or end tag, skipping whitespace, comments and processing instructions. */
        void nextTag() throws XMLStreamException {
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                        return;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
                        if (!reader.isWhiteSpace()) {
                            throw new OdooProtocolException("unexpected text in XML-RPC structure");
                        }
                    }
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        // allowed by XML, meaningless to XML-RPC
                    }
                    case XMLStreamConstants.END_DOCUMENT ->
                            throw new OdooProtocolException("XML-RPC answer ends too early");
                    default -> throw new OdooProtocolException("unexpected XML event " + event);
                }
            }
        }

        private int next() throws XMLStreamException {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new OdooProtocolException("XML-RPC answer with a DTD refused");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new OdooProtocolException("XML-RPC answer with an entity reference refused");
            }
            if (event == XMLStreamConstants.START_ELEMENT && ++elements > limits.maxElements()) {
                throw new OdooProtocolException("XML-RPC answer has more than " + limits.maxElements() + " elements");
            }
            return event;
        }

        boolean isStart(String name) {
            return reader.getEventType() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(name);
        }

        void expectStart(String name) {
            if (!isStart(name)) {
                throw new OdooProtocolException("expected <" + name + "> in XML-RPC answer, found " + describe());
            }
        }

        void expectEnd(String name) {
            if (reader.getEventType() != XMLStreamConstants.END_ELEMENT || !reader.getLocalName().equals(name)) {
                throw new OdooProtocolException("expected </" + name + "> in XML-RPC answer, found " + describe());
            }
        }

        void expectDocumentEnd() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                        || ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && !reader.isWhiteSpace())) {
                    throw new OdooProtocolException("content after the XML-RPC answer");
                }
            }
        }

        private String describe() {
            int type = reader.getEventType();
            if (type == XMLStreamConstants.START_ELEMENT) {
                return "<" + reader.getLocalName() + ">";
            }
            if (type == XMLStreamConstants.END_ELEMENT) {
                return "</" + reader.getLocalName() + ">";
            }
            return "event " + type;
        }

        /** Reads a {@code <value>} whose start tag is current; leaves the cursor on its end tag. */
        Object readValue(int depth) throws XMLStreamException {
            if (depth > limits.maxDepth()) {
                throw new OdooProtocolException("XML-RPC value nested deeper than " + limits.maxDepth());
            }
            expectStart("value");
            StringBuilder text = new StringBuilder();
            if (textUntilTag(text) == XMLStreamConstants.END_ELEMENT) {
                // An untyped value is a string.
                return text.toString();
            }
            if (!text.toString().isBlank()) {
                throw new OdooProtocolException("text beside a typed XML-RPC value");
            }
            Object value = readTyped(reader.getLocalName(), depth);
            nextTag();
            expectEnd("value");
            return value;
        }

        /** Appends the text up to the next tag, skipping comments; returns that tag's event. */
        private int textUntilTag(StringBuilder text) throws XMLStreamException {
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA ->
                            text.append(reader.getText());
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        // skipped
                    }
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                        return event;
                    }
                    default -> throw new OdooProtocolException("unexpected XML event " + event + " in a value");
                }
            }
        }

        private Object readTyped(String type, int depth) throws XMLStreamException {
            return switch (type) {
                case "int", "i4" -> parseInt(leafText());
                case "boolean" -> switch (leafText().strip()) {
                    case "0" -> Boolean.FALSE;
                    case "1" -> Boolean.TRUE;
                    default -> throw new OdooProtocolException("XML-RPC boolean must be 0 or 1");
                };
                case "string" -> leafText();
                case "double" -> parseDouble(leafText());
                case "dateTime.iso8601" -> parseDateTime(leafText());
                case "base64" -> parseBase64(leafText());
                case "array" -> readArray(depth);
                case "struct" -> readStruct(depth);
                case "nil" -> throw new OdooProtocolException("XML-RPC nil refused: Odoo never sends it");
                default -> throw new OdooProtocolException("XML-RPC type <" + type + "> is not one Odoo uses");
            };
        }

        /** Text of an element that must hold only text; leaves the cursor on its end tag. */
        private String leafText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            if (textUntilTag(text) == XMLStreamConstants.START_ELEMENT) {
                throw new OdooProtocolException("XML-RPC scalar holds markup");
            }
            return text.toString();
        }

        private List<Object> readArray(int depth) throws XMLStreamException {
            nextTag();
            expectStart("data");
            List<Object> items = new ArrayList<>();
            while (true) {
                nextTag();
                if (reader.getEventType() == XMLStreamConstants.END_ELEMENT) {
                    expectEnd("data");
                    break;
                }
                items.add(readValue(depth + 1));
            }
            nextTag();
            expectEnd("array");
            return items;
        }

        private Map<String, Object> readStruct(int depth) throws XMLStreamException {
            Map<String, Object> members = new LinkedHashMap<>();
            while (true) {
                nextTag();
                if (reader.getEventType() == XMLStreamConstants.END_ELEMENT) {
                    expectEnd("struct");
                    return members;
                }
                expectStart("member");
                nextTag();
                expectStart("name");
                String name = leafText();
                nextTag();
                Object value = readValue(depth + 1);
                nextTag();
                expectEnd("member");
                if (members.put(name, value) != null) {
                    throw new OdooProtocolException("XML-RPC struct names member '" + name + "' twice");
                }
            }
        }

        private static Integer parseInt(String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new OdooProtocolException("XML-RPC int out of range or malformed", e);
            }
        }

        private static Double parseDouble(String text) {
            String s = text.strip();
            // Double.valueOf accepts hex, "NaN", "Infinity" and type suffixes that XML-RPC has not.
            if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new OdooProtocolException("XML-RPC double malformed");
            }
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new OdooProtocolException("XML-RPC double out of range");
            }
            return d;
        }

        private static LocalDateTime parseDateTime(String text) {
            try {
                return LocalDateTime.parse(text.strip(), DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new OdooProtocolException("XML-RPC dateTime.iso8601 malformed", e);
            }
        }

        private static OdooBinary parseBase64(String text) {
            try {
                // Python writes base64 in 76-character lines; anything but whitespace and the alphabet is refused.
                return new OdooBinary(Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll("")));
            } catch (IllegalArgumentException e) {
                throw new OdooProtocolException("XML-RPC base64 malformed", e);
            }
        }
    }
}
