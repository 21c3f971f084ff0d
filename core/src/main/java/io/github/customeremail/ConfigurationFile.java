package io.github.customeremail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the policy configuration from a properties-style file, line by line so that errors can name the line.
 * The format and the keys are documented on {@link CustomerEmailValidator.Builder#configure(Path)}.
 * A whole source is checked before anything is applied to the builder.
 */
final class ConfigurationFile {

    /** The file looked up at the classpath root by {@link CustomerEmailValidator.Builder#configureFromClasspath()}. */
    static final String CLASSPATH_RESOURCE = "customer-email.properties";

    /** One {@code key = value} line. */
    record Entry(String key, String value, int line) {
    }

    private interface Setting {
        Consumer<CustomerEmailValidator.Builder> parse(String value);
    }

    private static final Map<String, Setting> SETTINGS = Map.of(
            "corporate-domains", v -> domains(v, CustomerEmailValidator.Builder::corporateDomains),
            "blocked-domains", v -> domains(v, CustomerEmailValidator.Builder::blockedDomains),
            "allowed-domains", v -> domains(v, CustomerEmailValidator.Builder::allowedDomains),
            "disposable.check", v -> {
                boolean on = bool(v);
                return b -> b.disposableDomainCheck(on);
            },
            "disposable.extra-domains", v -> domains(v, CustomerEmailValidator.Builder::disposableDomains),
            "disposable.extra-file", v -> {
                Path file = Path.of(v.strip());
                return b -> b.disposableDomainsFile(file);
            },
            "role-accounts", v -> {
                RuleMode mode = choice(v, RuleMode.class);
                return b -> b.roleAccounts(mode);
            },
            "provider-rules", v -> {
                ProviderRuleMode mode = choice(v, ProviderRuleMode.class);
                return b -> b.providerRules(mode);
            },
            "non-ascii-local-part", v -> {
                RuleMode mode = choice(v, RuleMode.class);
                return b -> b.nonAsciiLocalPart(mode);
            },
            "lowercase-local-part", v -> {
                boolean on = bool(v);
                return b -> b.lowercaseLocalPart(on);
            });

    private ConfigurationFile() {
    }

    static void apply(Path path, CustomerEmailValidator.Builder builder) {
        String source = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException(source, 0, null, "the file does not exist or is not a regular file",
                    null);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigurationException(source, 0, null, "the file cannot be read: " + e, e);
        }
        apply(read(content, source), source, builder);
    }

    /** @return whether the resource was found */
    static boolean applyFromClasspath(String resource, CustomerEmailValidator.Builder builder) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(resource);
        if (url == null) {
            url = ConfigurationFile.class.getClassLoader().getResource(resource);
        }
        if (url == null) {
            return false;
        }
        String source = url.toString();
        byte[] content;
        try (InputStream in = url.openStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigurationException(source, 0, null, "the resource cannot be read: " + e, e);
        }
        apply(read(content, source), source, builder);
        return true;
    }

    static void apply(Properties properties, CustomerEmailValidator.Builder builder) {
        List<Entry> entries = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            entries.add(new Entry(key, properties.getProperty(key).strip(), 0));
        }
        apply(entries, "java.util.Properties", builder);
    }

    /**
     * Parses lines: blank lines and lines starting with {@code #} or {@code !} are ignored; every other line is
     * {@code key = value} or {@code key: value} (spaces around the separator and at both ends are ignored); a line
     * ending with a backslash continues on the next one. No escapes are interpreted. Text is UTF-8 (a byte-order
     * mark is skipped); each line is decoded on its own so that an encoding error names its line.
     */
    static List<Entry> read(byte[] content, String source) {
        List<String> lines = lines(content, source);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int start = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            while (text.endsWith("\\")) {
                text = text.substring(0, text.length() - 1);
                if (i + 1 >= lines.size()) {
                    break;
                }
                i++;
                text = text + lines.get(i).strip();
            }
            int eq = text.indexOf('=');
            int colon = text.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (sep < 0) {
                throw new ConfigurationException(source, start, null,
                        "expected \"key = value\" but found \"" + abbreviate(text) + "\"", null);
            }
            String key = text.substring(0, sep).strip();
            String value = text.substring(sep + 1).strip();
            if (key.isEmpty()) {
                throw new ConfigurationException(source, start, null,
                        "the key is missing before \"" + text.charAt(sep) + "\"", null);
            }
            Integer previous = seen.putIfAbsent(key, start);
            if (previous != null) {
                throw new ConfigurationException(source, start, key,
                        "the key is repeated (first set on line " + previous + ")", null);
            }
            entries.add(new Entry(key, value, start));
        }
        return entries;
    }

    private static List<String> lines(byte[] content, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int from = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF ? 3 : 0;
        List<String> lines = new ArrayList<>();
        while (from <= content.length) {
            int to = from;
            while (to < content.length && content[to] != '\n') {
                to++;
            }
            int end = to > from && content[to - 1] == '\r' ? to - 1 : to;
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(content, from, end - from)).toString());
            } catch (CharacterCodingException e) {
                throw new ConfigurationException(source, lines.size() + 1, null,
                        "the text is not valid UTF-8 (save the file as UTF-8)", e);
            }
            from = to + 1;
        }
        return lines;
    }

    /** Checks every entry, then applies them all: a bad entry leaves the builder unchanged. */
    static void apply(List<Entry> entries, String source, CustomerEmailValidator.Builder builder) {
        List<Consumer<CustomerEmailValidator.Builder>> actions = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Setting setting = SETTINGS.get(e.key());
            if (setting == null) {
                throw new ConfigurationException(source, e.line(), e.key(),
                        "unknown key; the known keys are " + String.join(", ", new TreeSet<>(SETTINGS.keySet())),
                        null);
            }
            try {
                actions.add(setting.parse(e.value()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigurationException(source, e.line(), e.key(), ex.getMessage(), ex);
            }
        }
        actions.forEach(a -> a.accept(builder));
    }

    private static Consumer<CustomerEmailValidator.Builder> domains(String value,
            java.util.function.BiConsumer<CustomerEmailValidator.Builder, String[]> setter) {
        List<String> canonical = new ArrayList<>();
        for (String item : value.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                canonical.add(DomainSet.canonical(item));
            }
        }
        String[] array = canonical.toArray(String[]::new);
        return b -> setter.accept(b, array);
    }

    private static boolean bool(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("\"" + abbreviate(value) + "\" is not true or false");
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
            names.add(name);
        }
        throw new IllegalArgumentException("\"" + abbreviate(value) + "\" is not one of " + String.join(", ", names));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
