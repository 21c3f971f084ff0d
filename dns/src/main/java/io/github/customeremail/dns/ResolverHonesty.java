package io.github.customeremail.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Decides whether a negative answer may be believed. One that carries the zone's SOA (RFC 2308) proves itself.
 * One without is the resolver's word only, and a sinkhole, captive or offline resolver says NXDOMAIN for every
 * name: such a negative is believed only from a resolver that has answered MX for a canary domain that must exist
 * and that is not denying names, without proof, at a rate no real list of customers has.
 *
 * <p>The canary test runs once when the first unproven negative arrives, shared by every check waiting on it; an
 * honest result is kept for {@link #HONEST_FOR}, a dishonest one for {@link #DISHONEST_FOR} (so that a fixed
 * resolver is noticed soon), and a canary that could not be asked (timeout) is asked again by the next negative.
 */
final class ResolverHonesty {

    /** Large mail providers whose MX records exist as long as email does. */
    static final List<String> DEFAULT_CANARIES = List.of("gmail.com", "outlook.com", "yahoo.com");
    static final Duration HONEST_FOR = Duration.ofMinutes(10);
    static final Duration DISHONEST_FOR = Duration.ofSeconds(30);
    /** Answers counted before the share of unproven negatives is judged, and after which counting restarts. */
    static final int RATE_WINDOW = 200;
    /** A share of unproven negatives no real list has (typo-ridden lists stay far below). */
    static final double IMPLAUSIBLE_DENIAL_SHARE = 0.9;

    private static final Pattern LDH_DOMAIN = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final DnsQueries queries;
    private final List<Name> canaries;
    private final AtomicReference<Verification> verification = new AtomicReference<>();
    private int counted;
    private int unproven;
    private boolean denyingImplausibly;

    /** What the canary test came to. */
    private record Verdict(boolean honest, String reason, boolean keep) {
    }

    private record Verification(CompletableFuture<Verdict> verdict, long startedNanos) {
    }

    /**
     * @param queries where to ask the canaries
     * @param canaries domains whose MX must exist; empty to believe unproven negatives (rate test only)
     */
    ResolverHonesty(DnsQueries queries, List<Name> canaries) {
        this.queries = queries;
        this.canaries = List.copyOf(canaries);
    }

    /**
     * Reads the configured canary domains (setting {@code canaryDomains}).
     *
     * @param domains domain names in ASCII, without trailing dot
     * @return them as absolute names
     * @throws IllegalArgumentException naming the setting, for anything that is not a host name
     */
    static List<Name> canaryNames(List<String> domains) {
        List<Name> out = new ArrayList<>(domains.size());
        for (String d : domains) {
            if (d == null || !LDH_DOMAIN.matcher(d).matches()) {
                throw new IllegalArgumentException("canaryDomains: not a domain name: " + d);
            }
            try {
                out.add(Name.fromString(d, Name.root));
            } catch (TextParseException e) {
                throw new IllegalArgumentException("canaryDomains: not a domain name: " + d, e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param answer an answer to a question about a customer's domain or its mail hosts
     * @return the answer, or a failure saying the resolver is unreliable when it is an unproven negative of a
     *     resolver that failed the tests; never completes exceptionally
     */
    CompletableFuture<Answer> vet(Answer answer) {
        if (answer.kind() == Answer.Kind.FAILURE) {
            return CompletableFuture.completedFuture(answer);
        }
        boolean implausible = count(answer.unprovenNegative());
        if (!answer.unprovenNegative()) {
            return CompletableFuture.completedFuture(answer);
        }
        if (implausible) {
            return CompletableFuture.completedFuture(Answer.resolverUnreliable(
                    "it denied more than " + Math.round(IMPLAUSIBLE_DENIAL_SHARE * 100)
                            + " % of the names asked without proof (no SOA)"));
        }
        if (canaries.isEmpty()) {
            return CompletableFuture.completedFuture(answer);
        }
        return verdict().thenApply(v -> v.honest() ? answer
                : v.keep() ? Answer.resolverUnreliable(v.reason())
                : Answer.failure("negative answer without SOA from an unverified resolver: " + v.reason()));
    }

    /** Counts one answer; returns whether the resolver denies names at an implausible rate. */
    private synchronized boolean count(boolean unprovenNegative) {
        counted++;
        if (unprovenNegative) {
            unproven++;
        }
        if (counted >= RATE_WINDOW) {
            denyingImplausibly = unproven > IMPLAUSIBLE_DENIAL_SHARE * counted;
            counted = 0;
            unproven = 0;
        }
        return denyingImplausibly;
    }

    private CompletableFuture<Verdict> verdict() {
        while (true) {
            Verification current = verification.get();
            long now = System.nanoTime();
            if (current != null && !expired(current, now)) {
                return current.verdict();
            }
            Verification next = new Verification(new CompletableFuture<>(), now);
            if (verification.compareAndSet(current, next)) {
                askCanaries().whenComplete((v, e) -> next.verdict().complete(
                        v != null ? v : new Verdict(false, "canary test failed", false)));
                return next.verdict();
            }
        }
    }

    private static boolean expired(Verification v, long now) {
        if (!v.verdict().isDone()) {
            return false;
        }
        Verdict verdict = v.verdict().join();
        if (!verdict.keep()) {
            return true;
        }
        Duration keep = verdict.honest() ? HONEST_FOR : DISHONEST_FOR;
        return now - v.startedNanos() > keep.toNanos();
    }

    /** Honest when any canary has MX records; dishonest when every canary was denied. */
    private CompletableFuture<Verdict> askCanaries() {
        // No timer of its own: dnsjava's timeout (the checker's deadline) ends each canary question.
        CompletableFuture<Void> scope = new CompletableFuture<>();
        List<CompletableFuture<Answer>> answers = new ArrayList<>(canaries.size());
        for (Name canary : canaries) {
            answers.add(queries.query(canary, Type.MX, scope));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(x -> {
            scope.complete(null);
            String failure = null;
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i).join();
                if (a.kind() == Answer.Kind.DATA) {
                    return new Verdict(true, null, true);
                }
                if (a.kind() == Answer.Kind.FAILURE && failure == null) {
                    failure = "canary " + canaries.get(i).toString(true) + ": " + a.reason();
                }
            }
            if (failure != null) {
                return new Verdict(false, failure, false);
            }
            return new Verdict(false, "it denies " + names() + ", which must exist", true);
        });
    }

    private String names() {
        List<String> out = new ArrayList<>(canaries.size());
        for (Name n : canaries) {
            out.add(n.toString(true));
        }
        return String.join(", ", out);
    }
}
