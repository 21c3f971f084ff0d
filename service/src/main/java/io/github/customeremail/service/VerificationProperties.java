package io.github.customeremail.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Confirming an address with the customer by a code sent to it, under {@code customer-email.verification}. The mail
 * relay itself is Spring Boot's {@code spring.mail.*}. Checked at start: a bad value stops the service with a message
 * naming the setting.
 *
 * @param companyName      the company's name, in the mail's subject and text
 * @param from             the sender address of the mail (a verified SES identity in production)
 * @param codeTtl          how long a code can be used
 * @param maxAttempts      wrong codes before the code is locked (a new one must be sent)
 * @param perAddressPerHour codes sent to one address within an hour
 * @param perClerkPerHour  codes one clerk sends within an hour
 * @param secret           key of the codes' HMAC; set it (16+ characters) when several instances share a database,
 *                         or a code sent by one cannot be confirmed on another; empty: a random key per start
 */
@ConfigurationProperties("customer-email.verification")
record VerificationProperties(
        @DefaultValue("") String companyName,
        @DefaultValue("") String from,
        @DefaultValue("15m") Duration codeTtl,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("3") int perAddressPerHour,
        @DefaultValue("30") int perClerkPerHour,
        @DefaultValue("") String secret) {

    VerificationProperties {
        require(codeTtl.toSeconds() >= 60 && codeTtl.toHours() <= 24,
                "customer-email.verification.code-ttl must be 1m..24h, got " + codeTtl);
        require(maxAttempts >= 1 && maxAttempts <= 10,
                "customer-email.verification.max-attempts must be 1..10, got " + maxAttempts);
        require(perAddressPerHour >= 1, "customer-email.verification.per-address-per-hour must be >= 1");
        require(perClerkPerHour >= 1, "customer-email.verification.per-clerk-per-hour must be >= 1");
        require(secret.isEmpty() || secret.length() >= 16,
                "customer-email.verification.secret needs at least 16 characters");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
