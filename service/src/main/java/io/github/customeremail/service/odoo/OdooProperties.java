package io.github.customeremail.service.odoo;

import io.github.customeremail.odoo.OdooProtocol;
import io.github.customeremail.odoo.OdooSettings;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connection to Odoo, under {@code customer-email.odoo}: when {@code url} is set, hard bounces and complaints
 * are pushed into Odoo (blacklist and a note on the contacts), and the webhook for Odoo's automation rules is
 * served when {@code webhook-secret} is set too. Checked at start: a bad value stops the service with a message
 * naming the setting.
 *
 * @param url            Odoo's address, e.g. {@code https://erp.example.com}; empty: no Odoo connection
 * @param database       the database name
 * @param login          the login the API key belongs to
 * @param apiKey         the API key (from the environment: {@code CUSTOMER_EMAIL_ODOO_API_KEY})
 * @param protocol       {@code auto}, {@code xml-rpc} or {@code json-2}
 * @param requestTimeout timeout of one call to Odoo
 * @param language       language of the notes posted in Odoo: {@code es}, {@code en} or {@code pt}
 * @param webhookSecret  the secret the webhook URL or header must carry (at least 24 characters); empty: no webhook
 * @param outbox         the delivery worker
 * @param recheck        checking a webhook call's address again when DNS did not answer
 */
@ConfigurationProperties("customer-email.odoo")
public record OdooProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String database,
        @DefaultValue("") String login,
        @DefaultValue("") String apiKey,
        @DefaultValue("auto") String protocol,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("es") String language,
        @DefaultValue("") String webhookSecret,
        @DefaultValue Outbox outbox,
        @DefaultValue Recheck recheck) {

    private static final String PREFIX = "customer-email.";

    /** Checks the settings; see the parameters. */
    public OdooProperties {
        if (!language.equals("es") && !language.equals("en") && !language.equals("pt")) {
            throw new IllegalArgumentException("customer-email.odoo.language must be es, en or pt, got '" + language
                    + "'");
        }
        if (!webhookSecret.isEmpty() && webhookSecret.length() < 24) {
            throw new IllegalArgumentException("customer-email.odoo.webhook-secret needs at least 24 characters");
        }
        if (!webhookSecret.isEmpty() && url.isBlank()) {
            throw new IllegalArgumentException("customer-email.odoo.webhook-secret is set but customer-email.odoo.url "
                    + "is not: the webhook posts its notes through the Odoo connection");
        }
        if (!url.isBlank()) {
            settings(url, database, login, apiKey, protocol, requestTimeout); // fails here, naming the setting
        }
    }

    /** @return whether an Odoo connection is configured */
    public boolean enabled() {
        return !url.isBlank();
    }

    /** @return the connection settings (only when {@link #enabled()}) */
    public OdooSettings settings() {
        return settings(url, database, login, apiKey, protocol, requestTimeout);
    }

    /** @return the language of the notes */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    private static OdooSettings settings(String url, String database, String login, String apiKey, String protocol,
                                         Duration requestTimeout) {
        OdooProtocol chosen = switch (protocol.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> OdooProtocol.AUTO;
            case "xml-rpc" -> OdooProtocol.XML_RPC;
            case "json-2" -> OdooProtocol.JSON_2;
            default -> throw new IllegalArgumentException("customer-email.odoo.protocol must be auto, xml-rpc or "
                    + "json-2, got '" + protocol + "'");
        };
        try {
            return OdooSettings.builder().url(url.strip()).database(database).login(login).apiKey(apiKey)
                    .protocol(chosen).requestTimeout(requestTimeout).build();
        } catch (IllegalArgumentException e) {
            // OdooSettings names its settings odoo.*: here they live under customer-email.odoo.*
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^odoo\\.", PREFIX + "odoo."), e);
        }
    }

    /**
     * Checking again, later, the address of a webhook call whose check DNS left indeterminate ({@code UNKNOWN}): the
     * check is put back in the outbox (it survives a restart) and done again after {@code first-delay}, then after
     * twice that, and so on, at most {@code attempts} times; the note is posted only when a re-check finds the address
     * wrong. {@code attempts} 0: an indeterminate check posts nothing and is not repeated.
     *
     * @param attempts   re-checks at most (0..10)
     * @param firstDelay wait before the first re-check; doubled before each further one
     */
    public record Recheck(@DefaultValue("3") int attempts, @DefaultValue("10m") Duration firstDelay) {

        /** Checks the settings. */
        public Recheck {
            if (attempts < 0 || attempts > 10) {
                throw new IllegalArgumentException("customer-email.odoo.recheck.attempts must be 0..10, got "
                        + attempts);
            }
            if (firstDelay == null || firstDelay.isZero() || firstDelay.isNegative()) {
                throw new IllegalArgumentException("customer-email.odoo.recheck.first-delay must be a positive "
                        + "duration");
            }
        }
    }

    /**
     * The worker that delivers queued work to Odoo.
     *
     * @param pollInterval how often it looks for due work
     * @param firstRetry   wait after the first failed delivery; doubled after each further failure
     * @param maxRetry     longest wait between attempts (it never gives up: nothing is lost)
     * @param batch        deliveries per round
     * @param lease        how long a delivery is reserved for one worker (several instances share one database)
     * @param keepDone     how long delivered work is kept, for the status and to queue a webhook call once
     */
    public record Outbox(@DefaultValue("10s") Duration pollInterval, @DefaultValue("30s") Duration firstRetry,
                         @DefaultValue("1h") Duration maxRetry, @DefaultValue("50") int batch,
                         @DefaultValue("5m") Duration lease, @DefaultValue("30d") Duration keepDone) {

        /** Checks the settings. */
        public Outbox {
            positive(pollInterval, "poll-interval");
            positive(firstRetry, "first-retry");
            positive(maxRetry, "max-retry");
            positive(lease, "lease");
            positive(keepDone, "keep-done");
            if (batch < 1 || batch > 1000) {
                throw new IllegalArgumentException("customer-email.odoo.outbox.batch must be 1..1000, got " + batch);
            }
            if (maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("customer-email.odoo.outbox.max-retry must not be shorter than "
                        + "first-retry");
            }
        }

        private static void positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("customer-email.odoo.outbox." + name + " must be a positive duration");
            }
        }
    }
}
