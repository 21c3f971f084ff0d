package io.github.customeremail.cli;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.Suggestion;
import java.util.Locale;

/** Writes the command-line JSON contract: one object per line, every field always present. */
final class Json {

    private Json() {
    }

    /**
     * {@code {"input":…,"normalized":…|null,"verdict":…,"suggestion":…|null,"findings":[{"code":…,"message":…}]}}
     */
    static String of(EmailCheck check, Locale locale) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"input\":");
        string(out, check.input());
        out.append(",\"normalized\":");
        string(out, check.normalized().orElse(null));
        out.append(",\"verdict\":");
        string(out, check.verdict().name());
        out.append(",\"suggestion\":");
        string(out, check.suggestion().map(Suggestion::address).orElse(null));
        out.append(",\"findings\":[");
        boolean first = true;
        for (Finding f : check.findings()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"code\":");
            string(out, f.code().id());
            out.append(",\"message\":");
            string(out, f.message(locale));
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** Appends a JSON string literal (or {@code null}), escaping per RFC 8259. */
    static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                                 && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
