package io.github.customeremail.service;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings, under {@code customer-email.service}. Checked at start: a bad value stops the service
 * with a message naming the setting.
 *
 * @param apiKeys          keys accepted in the {@code X-Api-Key} header; required on every endpoint that reads or
 *                         changes stored personal data (none configured: those endpoints refuse every request)
 * @param checksOpen       whether {@code POST /v1/checks} is open without a key (default {@code false})
 * @param maxBatch         most addresses in one {@code POST /v1/checks}
 * @param maxRequestBytes  largest request body accepted, in bytes
 * @param sns              SNS push intake
 * @param feedback         how bounces become suppressions
 * @param store            the suppression store
 * @param health           sending health thresholds
 * @param sqs              SQS pull intake
 * @param ses              SES account-level suppression list
 * @param recheck          rechecks of UNKNOWN addresses
 */
@ConfigurationProperties("customer-email.service")
record ServiceProperties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue("false") boolean checksOpen,
        @DefaultValue("100") int maxBatch,
        @DefaultValue("262144") int maxRequestBytes,
        @DefaultValue Sns sns,
        @DefaultValue Feedback feedback,
        @DefaultValue Store store,
        @DefaultValue Health health,
        @DefaultValue Sqs sqs,
        @DefaultValue Ses ses,
        @DefaultValue Recheck recheck) {

    ServiceProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        require(maxBatch >= 1 && maxBatch <= 10_000, "customer-email.service.max-batch must be 1..10000, got " + maxBatch);
        require(maxRequestBytes >= 1024, "customer-email.service.max-request-bytes must be at least 1024, got "
                + maxRequestBytes);
        for (String key : apiKeys) {
            require(key.length() >= 16, "customer-email.service.api-keys: each key needs at least 16 characters");
        }
    }

    /**
     * SNS HTTPS push.
     *
     * @param certificateHosts regular expressions a {@code SigningCertURL} host must match in full
     * @param subscribeHosts   regular expressions a {@code SubscribeURL} host must match in full
     * @param topicArns        topics accepted; empty: any topic
     * @param basicAuthUser    optional user of basic auth in the subscription URL
     * @param basicAuthPassword its password
     * @param certificateCacheSize how many signing certificates are kept
     * @param fetchTimeout     timeout of a certificate fetch or subscription confirmation
     */
    record Sns(
            @DefaultValue("sns\\.[a-z0-9-]+\\.amazonaws\\.com") List<String> certificateHosts,
            @DefaultValue("sns\\.[a-z0-9-]+\\.amazonaws\\.com") List<String> subscribeHosts,
            @DefaultValue List<String> topicArns,
            @DefaultValue("") String basicAuthUser,
            @DefaultValue("") String basicAuthPassword,
            @DefaultValue("32") int certificateCacheSize,
            @DefaultValue("10s") Duration fetchTimeout) {

        Sns {
            topicArns = topicArns == null ? List.of() : List.copyOf(topicArns);
            certificateHosts = patterns("customer-email.service.sns.certificate-hosts", certificateHosts);
            subscribeHosts = patterns("customer-email.service.sns.subscribe-hosts", subscribeHosts);
            require(basicAuthUser.isEmpty() == basicAuthPassword.isEmpty(),
                    "customer-email.service.sns.basic-auth-user and basic-auth-password go together");
        }

        private static List<String> patterns(String setting, List<String> values) {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException(setting + " needs at least one host pattern");
            }
            for (String v : values) {
                try {
                    Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(setting + ": not a regular expression: " + v, e);
                }
            }
            return List.copyOf(values);
        }
    }

    /**
     * How bounces become suppressions.
     *
     * @param transientThreshold temporary bounces within the window that suppress an address (Odoo: 5)
     * @param transientWindow    the window (Odoo: 13 weeks)
     */
    record Feedback(@DefaultValue("5") int transientThreshold, @DefaultValue("91d") Duration transientWindow) {
        Feedback {
            require(transientThreshold >= 1, "customer-email.service.feedback.transient-threshold must be >= 1");
            require(!transientWindow.isNegative() && !transientWindow.isZero(),
                    "customer-email.service.feedback.transient-window must be positive");
        }
    }

    /**
     * The store.
     *
     * @param cacheRefresh how often the validator's in-memory view is reloaded from the database (other instances'
     *                     changes arrive then; this instance's own changes are applied at once)
     * @param retention    feedback events and addresses no longer suppressed are deleted after this long;
     *                     rejected notification bodies after a tenth of it
     */
    record Store(@DefaultValue("30s") Duration cacheRefresh, @DefaultValue("400d") Duration retention) {
        Store {
            require(cacheRefresh.toMillis() >= 100, "customer-email.service.store.cache-refresh must be >= 100ms");
            require(retention.toDays() >= 1, "customer-email.service.store.retention must be at least 1d");
        }
    }

    /**
     * Sending health thresholds, as fractions of the recipients mailed (SES reviews an account at about 5 % bounces
     * and may pause it at 10 %; complaints at 0.1 % and 0.5 %).
     *
     * @param bounceWarning     hard-bounce rate of the warning state
     * @param bounceCritical    hard-bounce rate of the critical state
     * @param complaintWarning  complaint rate of the warning state
     * @param complaintCritical complaint rate of the critical state
     */
    record Health(@DefaultValue("0.04") double bounceWarning, @DefaultValue("0.08") double bounceCritical,
                  @DefaultValue("0.001") double complaintWarning, @DefaultValue("0.005") double complaintCritical) {
        Health {
            require(0 < bounceWarning && bounceWarning <= bounceCritical && bounceCritical <= 1,
                    "customer-email.service.health: need 0 < bounce-warning <= bounce-critical <= 1");
            require(0 < complaintWarning && complaintWarning <= complaintCritical && complaintCritical <= 1,
                    "customer-email.service.health: need 0 < complaint-warning <= complaint-critical <= 1");
        }
    }

    /**
     * SQS pull intake; off while {@code queueUrl} is empty.
     *
     * @param queueUrl the queue subscribed to the SES notification topic
     * @param region   its AWS region (empty: the SDK's default region chain)
     * @param endpoint another endpoint (a VPC endpoint), empty for AWS's own
     * @param waitTime long-poll wait, 1 to 20 seconds
     */
    record Sqs(@DefaultValue("") String queueUrl, @DefaultValue("") String region, @DefaultValue("") String endpoint,
               @DefaultValue("20s") Duration waitTime) {
        Sqs {
            require(waitTime.toSeconds() >= 1 && waitTime.toSeconds() <= 20,
                    "customer-email.service.sqs.wait-time must be 1s..20s");
        }
    }

    /**
     * Amazon SES's account-level suppression list, kept in step when a suppression is lifted.
     *
     * @param enabled  whether lifts are also sent to SES (needs {@code ses:DeleteSuppressedDestination})
     * @param region   the SES region (empty: the SDK's default region chain)
     * @param endpoint another endpoint, empty for AWS's own
     */
    record Ses(@DefaultValue("false") boolean enabled, @DefaultValue("") String region,
               @DefaultValue("") String endpoint) {
    }

    /**
     * Rechecks of addresses whose check was UNKNOWN.
     *
     * @param enabled     whether UNKNOWN addresses are kept and checked again
     * @param firstDelay  the first wait; each later one doubles, up to a day
     * @param maxAttempts rechecks before giving up (verdict GAVE_UP)
     */
    record Recheck(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration firstDelay,
                   @DefaultValue("10") int maxAttempts) {
        Recheck {
            require(!firstDelay.isNegative(), "customer-email.service.recheck.first-delay must not be negative");
            require(maxAttempts >= 1, "customer-email.service.recheck.max-attempts must be >= 1");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
