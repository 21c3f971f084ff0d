package io.github.customeremail.service;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.SuppressionList;
import io.github.customeremail.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Confirms an address with the customer: a 6-digit code is mailed to it, the clerk types what the customer reads
 * back. Codes are kept only as an HMAC, compared in constant time, expire, lock after a few wrong tries; sending is
 * limited per address and per clerk. The outcome is stored and handed to every {@link VerificationListener}.
 */
@Service
class VerificationService {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationService.class);
    private static final Duration HOUR = Duration.ofHours(1);

    /** What a request to send or confirm a code came to; the page shows each with its own message. */
    enum Status {
        SENT, NOT_CHECKABLE, RELAY_NOT_CONFIGURED, RELAY_FAILED, LIMIT_ADDRESS, LIMIT_CLERK,
        VERIFIED, WRONG, LOCKED, EXPIRED, NO_CODE, NOT_A_CODE
    }

    /**
     * The outcome.
     *
     * @param status       what happened
     * @param address      the address concerned, as stored (lower-cased), or the input when it has none
     * @param at           when the code expires (SENT) or when it was confirmed (VERIFIED); otherwise {@code null}
     * @param attemptsLeft wrong codes still allowed (WRONG)
     */
    record Outcome(Status status, String address, Instant at, int attemptsLeft) {
        static Outcome of(Status status, String address) {
            return new Outcome(status, address, null, 0);
        }
    }

    private final CustomerEmailValidator validator;
    private final VerificationStore store;
    private final VerificationMailer mailer;
    private final VerificationProperties properties;
    private final ObjectProvider<VerificationListener> listeners;
    private final Clock clock;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Object sendLimits = new Object();

    VerificationService(CustomerEmailValidator validator, VerificationStore store, VerificationMailer mailer,
                        VerificationProperties properties, ObjectProvider<VerificationListener> listeners,
                        ObjectProvider<Clock> clock) {
        this.validator = validator;
        this.store = store;
        this.mailer = mailer;
        this.properties = properties;
        this.listeners = listeners;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        byte[] secret = properties.secret().isEmpty() ? randomKey() : properties.secret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether codes can be sent at all (a relay and a sender are configured). */
    boolean available() {
        return mailer.configured();
    }

    /** Sends a new code to the address, if its check allows it (VALID or UNKNOWN) and the limits are not reached. */
    Outcome send(String address, String clerk, Locale locale) {
        EmailCheck check = validator.check(address);
        if (!(check.verdict() == Verdict.VALID || check.verdict() == Verdict.UNKNOWN)
                || check.normalized().isEmpty()) {
            return Outcome.of(Status.NOT_CHECKABLE, address);
        }
        String key = SuppressionList.key(check.normalized().get());
        if (!mailer.configured()) {
            return Outcome.of(Status.RELAY_NOT_CONFIGURED, key);
        }
        Instant now = clock.instant();
        // The send is counted before the mail leaves, under one lock: two clerks pressing "send" at once cannot both
        // pass a limit that has room for one. (Several instances on one database each keep their own lock.)
        synchronized (sendLimits) {
            if (store.sendsToAddressSince(key, now.minus(HOUR)) >= properties.perAddressPerHour()) {
                return Outcome.of(Status.LIMIT_ADDRESS, key);
            }
            if (store.sendsByClerkSince(clerk, now.minus(HOUR)) >= properties.perClerkPerHour()) {
                return Outcome.of(Status.LIMIT_CLERK, key);
            }
            store.recordSend(key, clerk, now);
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expires = now.plus(properties.codeTtl());
        store.savePending(key, hash(key, code), clerk, now, expires);
        try {
            mailer.send(key, code, locale);
        } catch (MailException e) {
            store.deletePending(key); // nothing the customer could read back
            store.forgetSend(key, clerk, now); // and nothing sent to count against the limits
            LOG.warn("verification code to {} not sent: {}", Masked.address(key), rootCause(e));
            return Outcome.of(Status.RELAY_FAILED, key);
        }
        LOG.info("verification code sent to {} by {}", Masked.address(key), clerk);
        return new Outcome(Status.SENT, key, expires, properties.maxAttempts());
    }

    /** Checks the code the customer read back. */
    Outcome confirm(String address, String code, String clerk) {
        String key = SuppressionList.key(address.strip());
        String digits = code == null ? "" : code.strip();
        if (!digits.matches("[0-9]{6}")) {
            return Outcome.of(Status.NOT_A_CODE, key);
        }
        Optional<VerificationStore.Pending> found = store.pending(key);
        if (found.isEmpty()) {
            return Outcome.of(Status.NO_CODE, key);
        }
        VerificationStore.Pending pending = found.get();
        if (pending.attempts() >= properties.maxAttempts()) {
            return Outcome.of(Status.LOCKED, key);
        }
        Instant now = clock.instant();
        if (!now.isBefore(pending.expiresAt())) {
            return Outcome.of(Status.EXPIRED, key);
        }
        boolean right = MessageDigest.isEqual(hash(key, digits).getBytes(StandardCharsets.US_ASCII),
                pending.codeHash().getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            int attempts = store.countWrong(key);
            LOG.info("wrong verification code for {} ({} of {})", Masked.address(key), attempts,
                    properties.maxAttempts());
            return attempts >= properties.maxAttempts() ? Outcome.of(Status.LOCKED, key)
                    : new Outcome(Status.WRONG, key, null, properties.maxAttempts() - attempts);
        }
        store.deletePending(key);
        store.saveVerified(key, clerk, now);
        LOG.info("{} confirmed by the customer (clerk {})", Masked.address(key), clerk);
        listeners.orderedStream().forEach(l -> {
            try {
                l.verified(key, now, clerk);
            } catch (RuntimeException e) {
                LOG.warn("verification listener {} failed: {}", l.getClass().getSimpleName(), e.toString());
            }
        });
        return new Outcome(Status.VERIFIED, key, now, 0);
    }

    /** The stored confirmation of an address, if any. */
    Optional<VerificationStore.Verified> verified(String address) {
        return store.verified(SuppressionList.key(address.strip()));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        store.purge(clock.instant());
    }

    private String hash(String addressKey, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // Bound to the address: a code's HMAC says nothing about another address's code.
            return HexFormat.of().formatHex(mac.doFinal((addressKey + '\n' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] randomKey() {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return k;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName(); // the relay's text may quote the whole address
    }
}
