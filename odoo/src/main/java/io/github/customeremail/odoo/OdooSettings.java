package io.github.customeremail.odoo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Odoo database. Built with {@link #builder()}; a missing or wrong setting fails at
 * {@link Builder#build()} with a message naming it. The API key is never shown by {@link #toString()}.
 *
 * @param url              the server's base URL, e.g. {@code https://erp.example.com}
 * @param database         the database name (XML-RPC {@code db}, JSON-2 {@code X-Odoo-Database})
 * @param login            the user's login (XML-RPC {@code authenticate}; JSON-2 needs only the key)
 * @param apiKey           the user's API key (Preferences → Account Security → New API Key)
 * @param protocol         which API to speak, {@link OdooProtocol#AUTO} by default
 * @param connectTimeout   TCP connect timeout
 * @param requestTimeout   timeout of one HTTP exchange, answer included
 * @param maxAttempts      attempts per call on transient errors (1 = no retry)
 * @param initialBackoff   wait before the first retry; doubled after each
 * @param maxResponseBytes largest answer accepted
 */
public record OdooSettings(URI url, String database, String login, String apiKey, OdooProtocol protocol,
                           Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                           Duration initialBackoff, int maxResponseBytes) {

    /** Checks every setting; see {@link Builder#build()}. */
    public OdooSettings {
        Objects.requireNonNull(url, "odoo.url is required");
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("odoo.url must be an http or https URL with a host, was " + url);
        }
        requireText(database, "odoo.database");
        requireText(login, "odoo.login");
        requireText(apiKey, "odoo.api-key");
        Objects.requireNonNull(protocol, "odoo.protocol is required");
        requirePositive(connectTimeout, "odoo.connect-timeout");
        requirePositive(requestTimeout, "odoo.request-timeout");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("odoo.max-attempts must be 1..10, was " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("odoo.initial-backoff must be zero or positive");
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("odoo.max-response-bytes must be at least 1024, was " + maxResponseBytes);
        }
    }

    /** @return a builder with the defaults: AUTO protocol, 5 s connect, 60 s request, 3 attempts, 0.5 s backoff */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL without a trailing slash. */
    String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "OdooSettings[url=" + url + ", database=" + database + ", login=" + login + ", apiKey=***, protocol="
                + protocol + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    /** Builder of {@link OdooSettings}. */
    public static final class Builder {
        private URI url;
        private String database;
        private String login;
        private String apiKey;
        private OdooProtocol protocol = OdooProtocol.AUTO;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private int maxResponseBytes = 64 * 1024 * 1024;

        private Builder() {
        }

        /** @param url the server's base URL @return this */
        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        /** @param url the server's base URL @return this */
        public Builder url(String url) {
            this.url = URI.create(url);
            return this;
        }

        /** @param database the database name @return this */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** @param login the user's login @return this */
        public Builder login(String login) {
            this.login = login;
            return this;
        }

        /** @param apiKey the user's API key @return this */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** @param protocol which API to speak @return this */
        public Builder protocol(OdooProtocol protocol) {
            this.protocol = protocol;
            return this;
        }

        /** @param timeout TCP connect timeout @return this */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** @param timeout timeout of one HTTP exchange @return this */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** @param attempts attempts per call on transient errors @return this */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** @param backoff wait before the first retry @return this */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = backoff;
            return this;
        }

        /** @param bytes largest answer accepted @return this */
        public Builder maxResponseBytes(int bytes) {
            this.maxResponseBytes = bytes;
            return this;
        }

        /** @return the settings @throws IllegalArgumentException naming the first missing or wrong setting */
        public OdooSettings build() {
            return new OdooSettings(url, database, login, apiKey, protocol, connectTimeout, requestTimeout,
                    maxAttempts, initialBackoff, maxResponseBytes);
        }
    }
}
