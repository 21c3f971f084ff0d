package io.github.customeremail.service;

import java.util.List;

/**
 * The pasted list's table as a CSV file for spreadsheets: UTF-8 with a byte order mark (so Excel reads the accents),
 * RFC 4180 quoting, and no cell that a spreadsheet would run as a formula (OWASP "CSV injection").
 */
final class ClerkCsv {

    private ClerkCsv() {
    }

    static String of(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header);
        for (List<String> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(guarded(cells.get(i) == null ? "" : cells.get(i))));
        }
        out.append("\r\n");
    }

    /** A leading apostrophe before {@code = + - @}, tab or carriage return: spreadsheets show it as text. */
    static String guarded(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
