package io.github.customeremail;

/**
 * A configuration is wrong: an unknown key, a bad value, a line that is not {@code key = value}, a file that cannot
 * be read. The message names the source (file), the line and the key, e.g.
 * {@code config/customer-email.properties, line 4, key "role-accounts": "sometimes" is not one of off, warning,
 * invalid}.
 *
 * <p>Thrown by {@link CustomerEmailValidator.Builder#configure(java.nio.file.Path)} and its siblings. A failed
 * {@code configure} call leaves the builder unchanged: a file is checked completely before any setting is applied.
 */
public final class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String key;

    /**
     * @param source  where the configuration came from (a path, a URL, {@code java.util.Properties})
     * @param line    the 1-based line number, or 0 when unknown
     * @param key     the key concerned, or {@code null}
     * @param problem what is wrong
     * @param cause   the underlying exception, or {@code null}
     */
    public ConfigurationException(String source, int line, String key, String problem, Throwable cause) {
        super(format(source, line, key, problem), cause);
        this.source = source;
        this.line = line;
        this.key = key;
    }

    /** @return where the configuration came from (a path, a URL, {@code java.util.Properties}) */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or 0 when not known (e.g. for {@link java.util.Properties}) */
    public int line() {
        return line;
    }

    /** @return the key concerned, or {@code null} when the problem is not about one key */
    public String key() {
        return key;
    }

    private static String format(String source, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(source == null ? "configuration" : source);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (key != null) {
            sb.append(", key \"").append(key).append('"');
        }
        return sb.append(": ").append(problem).toString();
    }
}
