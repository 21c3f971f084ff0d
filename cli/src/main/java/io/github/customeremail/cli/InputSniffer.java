package io.github.customeremail.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the audit finds out about its input before reading rows: byte-order marks, the delimiter and line terminator
 * of the header line, and which columns hold the email and the External ID.
 */
final class InputSniffer {

    /** Header names recognised as the email column, best first (Odoo field name, then labels). */
    static final List<String> EMAIL_HEADERS = List.of(
            "email", "e-mail", "correo electrónico", "correo electronico", "correo", "mail");
    /** Header names recognised as the External ID column. */
    static final List<String> ID_HEADERS = List.of("id", "external id", "id externo");

    private InputSniffer() {
    }

    static boolean startsWithUtf16Bom(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                    || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
        }
    }

    static boolean startsWithBom(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
        }
    }

    /**
     * @return the first line of the file from {@code start}, with its terminator, decoded leniently (at most
     *         {@link LenientCsvReader#DEFAULT_CELL_LIMIT} bytes of it: enough to see the delimiters of a header)
     */
    static String firstLine(SeekableByteChannel in, long start, Charset charset) throws IOException {
        in.position(start);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < LenientCsvReader.DEFAULT_CELL_LIMIT && in.read(buf.clear()) > 0) {
            buf.flip();
            while (buf.hasRemaining()) {
                byte b = buf.get();
                line.write(b);
                if (b == '\n' || b == '\r' && (!buf.hasRemaining() || buf.get(buf.position()) != '\n')) {
                    return line.toString(charset);
                }
            }
        }
        return line.toString(charset);
    }

    /**
     * Picks the delimiter from the header line: {@code ;} when it has more semicolons than commas outside quotes
     * (Spanish-locale Excel), otherwise {@code ,}.
     */
    static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** @return the terminator of a physical line ({@code \r\n} when it has none: RFC 4180's) */
    static String terminatorOf(String line) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        } else if (line.endsWith("\n")) {
            return "\n";
        } else if (line.endsWith("\r")) {
            return "\r";
        }
        return "\r\n";
    }

    /**
     * @param header the header's fields
     * @param column the header named with {@code --column}, or {@code null} to look for a usual email header
     * @return the index of the email column, or -1
     */
    static int emailColumn(List<String> header, String column) {
        if (column == null) {
            return indexOf(header, EMAIL_HEADERS);
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(column.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** The usage error when {@link #emailColumn} found nothing. */
    static String noEmailColumn(List<String> header, String column, Path input) {
        return column != null ? "no column '" + column + "' in the header of " + input + ": " + shown(header)
                : "no email column found in the header of " + input + ": " + shown(header)
                + "; name it with --column NAME";
    }

    static int indexOf(List<String> header, List<String> names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * A header as it can safely be shown in an error: control characters escaped (a garbage file must not drive the
     * terminal) and cut to a readable length.
     */
    static String shown(List<String> header) {
        String text = header.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200) + 16);
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() < text.length() ? out.append("…").toString() : out.toString();
    }
}
