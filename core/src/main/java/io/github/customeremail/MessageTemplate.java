package io.github.customeremail;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bundle message split once into literal text and {@code {name}} slots, so that rendering it is joining parts
 * into a string of the exact length, with no scanning or substring per call.
 *
 * <p>A slot is a {@code {} and the next {@code }} after it; a slot whose parameter is absent is written as it
 * stands. Values are inserted literally and never scanned again. A text in which one {@code {} falls inside another
 * slot ({@code {a{b}}) would be read differently depending on which parameters are present; such a text is kept
 * as it is and rendered with the left-to-right scan ({@link #scan}).
 */
final class MessageTemplate {

    /** The literal pieces around the slots: one more than there are slots; {@code null} for an irregular text. */
    private final String[] literals;
    private final String[] names;
    /**
     * By slot, the translated texts of message-id values ({@code reason=gmail-length} →
     * {@code PROVIDER_MAILBOX_RULE.reason.gmail-length}); {@code null} when the bundle has none for that slot, so
     * the parameter's value is not even looked at.
     */
    private final Map<String, MessageTemplate>[] translations;
    private final boolean[] dates;
    /** By slot, {@code {name}}: what a slot whose parameter is absent shows. */
    private final String[] slotsAsWritten;
    private final String text;

    @SuppressWarnings("unchecked")
    private MessageTemplate(String text, List<String> literals, List<String> names,
            Map<String, Map<String, MessageTemplate>> translations) {
        this.text = text;
        if (literals == null) {
            this.literals = null;
            this.names = null;
            this.translations = null;
            this.dates = null;
            this.slotsAsWritten = null;
            return;
        }
        this.literals = literals.toArray(String[]::new);
        this.names = names.toArray(String[]::new);
        this.translations = new Map[this.names.length];
        this.dates = new boolean[this.names.length];
        this.slotsAsWritten = new String[this.names.length];
        for (int s = 0; s < this.names.length; s++) {
            this.translations[s] = translations.get(this.names[s]);
            this.dates[s] = "date".equals(this.names[s]);
            this.slotsAsWritten[s] = '{' + this.names[s] + '}';
        }
    }

    /**
     * @param text         the bundle's text
     * @param translations by parameter name, the bundle's translated texts by message id (already split)
     * @return the split text
     */
    static MessageTemplate of(String text, Map<String, Map<String, MessageTemplate>> translations) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int start = 0;
        int i = text.indexOf('{');
        while (i >= 0) {
            int end = text.indexOf('}', i + 1);
            if (end < 0) {
                break;
            }
            int inner = text.indexOf('{', i + 1);
            if (inner >= 0 && inner < end) {
                return new MessageTemplate(text, null, null, Map.of());
            }
            literals.add(text.substring(start, i));
            names.add(text.substring(i + 1, end));
            start = end + 1;
            i = text.indexOf('{', start);
        }
        literals.add(text.substring(start));
        return new MessageTemplate(text, literals, names, translations);
    }

    /** A text whose parameters are never translated (the translated texts themselves: one level only). */
    static MessageTemplate plain(String text) {
        return of(text, Map.of());
    }

    /**
     * @param finding the finding whose parameters fill the slots
     * @param dates   how a {@code date} parameter (an ISO day) is shown; {@code null} to insert it as it is
     * @return the message
     */
    String render(Finding finding, DateTimeFormatter dates) {
        if (literals == null) {
            return scan(text, finding.parameters());
        }
        int slots = names.length;
        if (slots == 0) {
            return text;
        }
        if (slots == 1) {
            // the compiler's string concatenation sizes the result exactly and copies each part once
            return literals[0] + value(0, finding, dates) + literals[1];
        }
        String[] parts = new String[2 * slots + 1];
        for (int s = 0; s < slots; s++) {
            parts[2 * s] = literals[s];
            parts[2 * s + 1] = value(s, finding, dates);
        }
        parts[2 * slots] = literals[slots];
        return String.join("", parts);
    }

    /** @return what the slot shows: the parameter's value, translated or formatted, or the slot as written */
    private String value(int slot, Finding finding, DateTimeFormatter dateFormat) {
        String value = finding.parameter(names[slot]);
        if (value == null) {
            return slotsAsWritten[slot];
        }
        Map<String, MessageTemplate> translated = translations[slot];
        if (translated != null) {
            MessageTemplate text = translated.get(value);
            if (text != null) {
                return text.render(finding, null);
            }
        }
        if (dates[slot] && dateFormat != null) {
            try {
                return java.time.LocalDate.parse(value).format(dateFormat);
            } catch (java.time.DateTimeException | IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * Replaces {@code {name}} with the parameter's value in one left-to-right pass; substituted values are never
     * scanned again, so user input inside a parameter cannot inject placeholders.
     */
    static String scan(String template, Map<String, String> parameters) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i + 1);
                if (end > i) {
                    String value = parameters.get(template.substring(i + 1, end));
                    if (value != null) {
                        out.append(value);
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Builds the per-name translation maps of a bundle entry's slots. */
    static Map<String, Map<String, MessageTemplate>> translationsOf(String code, Iterable<String> keys,
            java.util.function.Function<String, String> text) {
        String prefix = code + '.';
        Map<String, Map<String, MessageTemplate>> byName = new HashMap<>();
        for (String key : keys) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            // the id has no dot (see isMessageId), the parameter's name may have some
            int dot = key.lastIndexOf('.');
            if (dot < prefix.length()) {
                continue;
            }
            String id = key.substring(dot + 1);
            if (Messages.isMessageId(id)) {
                byName.computeIfAbsent(key.substring(prefix.length(), dot), n -> new HashMap<>())
                        .put(id, plain(text.apply(key)));
            }
        }
        byName.replaceAll((name, ids) -> Map.copyOf(ids));
        return byName;
    }
}
