package io.github.customeremail.dns;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tag-value list as DKIM (RFC 6376 section 3.2) and DMARC (RFC 7489 section 6.4) write them:
 * {@code name=value} pairs separated by {@code ;}, spaces around each part ignored, names case-insensitive, each
 * name at most once.
 *
 * @param tags the tags in order, names in lower case; empty when {@code badTerm} is set
 * @param first the first tag's name, or {@code null} when there is none
 * @param badTerm the first part that is not a {@code name=value} pair or repeats a name; {@code null} when fine
 */
record TagList(Map<String, String> tags, String first, String badTerm) {

    static TagList parse(String txt) {
        Map<String, String> tags = new LinkedHashMap<>();
        String first = null;
        for (String part : txt.split(";", -1)) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            String name = eq > 0 ? t.substring(0, eq).strip().toLowerCase(Locale.ROOT) : "";
            if (name.isEmpty() || tags.putIfAbsent(name, t.substring(eq + 1).strip()) != null) {
                return new TagList(Map.of(), first, t);
            }
            if (first == null) {
                first = name;
            }
        }
        return new TagList(tags, first, null);
    }

    /** @return whether the list starts with {@code v=VERSION} (the version value is case-sensitive) */
    boolean startsWithVersion(String version) {
        return "v".equals(first) && version.equals(tags.get("v"));
    }
}
