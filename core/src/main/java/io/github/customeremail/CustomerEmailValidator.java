package io.github.customeremail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The facade: checks customer email addresses through the whole pipeline
 * (normalize → parse → typo correction → policy → optional mail-domain check) and returns one {@link EmailCheck}.
 *
 * <pre>{@code
 * CustomerEmailValidator validator = CustomerEmailValidator.builder().build();
 * EmailCheck check = validator.check("  Juan.Perez@Gmail,com ");
 * check.verdict();      // VALID
 * check.normalized();   // Optional[juan.perez@gmail.com]
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe after {@link Builder#build()}; share one per application.
 * {@link #check(String)} never throws, for any {@code String} including {@code null} and megabyte-long input.
 * When a {@link MailDomainChecker} is configured, close it (or this validator, which closes it) on shutdown.
 */
public final class CustomerEmailValidator implements AutoCloseable {

    /**
     * Inputs longer than this are refused with {@link FindingCode#TOO_LONG} before any other work. An address is
     * at most 254 characters; the margin leaves room for display names, {@code mailto:} and pasted whitespace.
     */
    public static final int MAX_INPUT_LENGTH = 1024;

    /** A correction of at most one edit ({@code gmai.com}: confidence 1 / (1 + 1.0)). */
    private static final double ONE_SLIP_CONFIDENCE = 0.5;

    private final Normalizer normalizer;
    private final AddressParser parser;
    private final MailDomainChecker mailDomainChecker;
    private final Verdict dnsFailureVerdict;
    private final Duration mailCheckDeadline;
    private final Policy policy;
    private final SpecialUseDomains specialUse;
    /** {@code null} when typo correction is switched off. */
    private final TypoCorrector typoCorrector;
    /** {@code null} when no suppression list is configured or its mode is OFF. */
    private final SuppressionList suppressionList;
    private final Severity suppressionSeverity;
    /** {@code null} when no listener is configured. */
    private final java.util.function.Consumer<? super EmailCheck> checkListener;
    /** The known domains on which every domain-only stage passes, each judged on first sight, then one lookup. */
    private final CleanDomains cleanDomains;

    private CustomerEmailValidator(Builder b) {
        this.normalizer = Normalizer.lowercasingLocalPart(b.lowercaseLocalPart);
        this.parser = AddressParser.withExtraTopLevelDomains(b.extraTopLevelDomains);
        this.mailDomainChecker = b.mailDomainChecker;
        this.dnsFailureVerdict = b.dnsFailureVerdict;
        this.mailCheckDeadline = b.mailCheckDeadline;
        this.policy = b.policy.build();
        this.specialUse = SpecialUseDomains.allowing(b.extraTopLevelDomains, b.policy.allowedDomains);
        this.typoCorrector = b.typoCorrector();
        this.suppressionList = b.suppressionMode == RuleMode.OFF ? null : b.suppressionList;
        this.suppressionSeverity = b.suppressionMode == RuleMode.WARNING ? Severity.WARNING : Severity.ERROR;
        this.checkListener = b.checkListener;
        this.cleanDomains = !b.cleanDomainShortcut ? CleanDomains.NONE : CleanDomains.of(
                (typoCorrector != null ? typoCorrector.knownDomains() : KnownDomains.bundled()).domains(),
                parser, specialUse, typoCorrector, policy);
    }

    /** @return a builder with the defaults: repairs on, local part lower-cased, no DNS check */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one address. With a {@link MailDomainChecker} configured this blocks until the mail-domain check
     * answers or its deadline passes (then the verdict is {@link Verdict#UNKNOWN}).
     *
     * @param input the address as typed; may be {@code null}
     * @return the result; never {@code null}
     */
    public EmailCheck check(String input) {
        if (mailDomainChecker == null) {
            return checkOffline(input);
        }
        return checkAsync(input).join();
    }

    /**
     * Checks one address without blocking. The future never completes exceptionally.
     *
     * @param input the address as typed; may be {@code null}
     * @return the future result
     */
    public CompletableFuture<EmailCheck> checkAsync(String input) {
        EmailCheck offline;
        try {
            offline = runOffline(input);
        } catch (RuntimeException | StackOverflowError e) {
            return CompletableFuture.completedFuture(notifyListener(internalError(input)));
        }
        // Only a VALID address is looked up, and a VALID check always has its parsed address, as normalized.
        if (mailDomainChecker == null || offline.verdict() != Verdict.VALID || offline.normalized().isEmpty()) {
            return CompletableFuture.completedFuture(notifyListener(offline));
        }
        // The normalized address is the parsed one, local@domain with the ASCII domain and a single @.
        String normalized = offline.normalized().get();
        String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
        CompletableFuture<MailDomainStatus> status;
        try {
            status = mailDomainChecker.check(domain);
        } catch (RuntimeException e) {
            status = CompletableFuture.completedFuture(new MailDomainStatus.Indeterminate("checker failed: " + e));
        }
        return status
                .completeOnTimeout(new MailDomainStatus.Indeterminate("deadline"),
                        mailCheckDeadline.toMillis(), TimeUnit.MILLISECONDS)
                .handle((s, error) -> {
                    try {
                        MailDomainStatus st = error != null
                                ? new MailDomainStatus.Indeterminate("checker failed: " + error) : s;
                        return notifyListener(withMailStatus(offline, domain, st, dnsFailureVerdict));
                    } catch (RuntimeException e) {
                        return notifyListener(internalError(input));
                    }
                });
    }

    /**
     * Checks one address with every offline stage and no DNS, whatever the configuration.
     *
     * @param input the address as typed; may be {@code null}
     * @return the result; never {@code null}
     */
    public EmailCheck checkOffline(String input) {
        EmailCheck check;
        try {
            check = runOffline(input);
        } catch (RuntimeException | StackOverflowError e) {
            check = internalError(input);
        }
        return notifyListener(check);
    }

    /** Hands a finished check to the listener, if any; what the listener throws never reaches the caller. */
    private EmailCheck notifyListener(EmailCheck check) {
        if (checkListener != null) {
            try {
                checkListener.accept(check);
            } catch (RuntimeException e) {
                // A metrics or logging hook must not change the answer.
            }
        }
        return check;
    }

    /** @return the mail-domain checker, if one is configured */
    public Optional<MailDomainChecker> mailDomainChecker() {
        return Optional.ofNullable(mailDomainChecker);
    }

    /** Closes the configured {@link MailDomainChecker}, if any. */
    @Override
    public void close() {
        if (mailDomainChecker != null) {
            try {
                mailDomainChecker.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the mail-domain checker failed", e);
            }
        }
    }

    /**
     * The offline stages. The result is built directly, with no intermediate object: a VALID check of a clean
     * address allocates only the EmailCheck, its Optional and the ParsedAddress.
     */
    private EmailCheck runOffline(String input) {
        if (input == null || input.isEmpty()) {
            return rejected(input, List.of(), Finding.of(FindingCode.EMPTY, Severity.ERROR));
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            return rejected(input, List.of(), Finding.of(FindingCode.TOO_LONG, Severity.ERROR,
                    "max", Integer.toString(AddressParser.MAX_ADDRESS_LENGTH)));
        }
        // Fast path: a cleanly typed address is normalized and parsed in one scan, with no Normalization object.
        ParsedAddress address = parser.parseClean(input, normalizer.lowercasesLocalPart());
        List<Finding> findings = List.of();
        if (address == null) {
            Normalization normalization = normalizer.isAlreadyNormal(input) ? null : normalizer.normalize(input);
            findings = normalization == null ? List.of() : normalization.repairs();
            String value = normalization == null ? input : normalization.value();
            // The unrepaired input already failed the one-pass parse above; a repaired one is usually clean now.
            ParseResult parsed = normalization == null ? parser.parse(value)
                    : parseCleanFirst(value, normalizer.lowercasesLocalPart());
            if (parsed instanceof ParseResult.Rejected rejected) {
                return suggestForRejected(input, value, findings, rejected.reason());
            }
            address = (ParsedAddress) parsed;
        }
        if (cleanDomains.contains(address)) {
            // A known domain on which every domain-only stage passes (see CleanDomains): the rest of the policy.
            return result(input, Optional.of(address.address()),
                    suppressed(address, policy.applyBeyondDomain(address, findings)), null);
        }
        String special = specialUse.refused(address);
        if (special != null) {
            return rejected(input, findings, specialUseFinding(special));
        }
        if (address.internationalDomain()) {
            findings = Findings.append(findings, Finding.of(FindingCode.IDN_CONVERTED, Severity.INFO,
                    "domain", address.unicodeDomain()));
        }
        Suggestion suggestion = null;

        // Stage 3: typo corrector.
        List<Finding> suggestionErrors = List.of();
        if (typoCorrector != null) {
            TypoCorrector.Correction correction = typoCorrector.correct(address);
            if (correction != null) {
                // built once, checked, kept
                String suggested = ParsedAddress.join(address.localPart(), correction.domain());
                suggestionErrors = suggestionErrors(suggested);
                if (suggestionErrors.isEmpty()) {
                    suggestion = new Suggestion(suggested, correction.confidence(), address.domain());
                    findings = Findings.append(findings, typoFinding(correction, suggestion));
                }
            }
        }

        // A label mixing scripts that reads as no known domain (pаypal-pagos.com, Cyrillic а): spoofing or a paste
        // accident, never a customer's real mailbox domain.
        if (suggestion == null && (address.internationalDomain()
                || address.address().indexOf(Idna.ACE_PREFIX, address.at()) >= 0)) {
            String unicode = TypoCorrector.unicodeForm(address);
            if (Confusables.mixesScripts(unicode)) {
                findings = Findings.append(findings,
                        Finding.of(FindingCode.MIXED_SCRIPT_DOMAIN, Severity.ERROR, "domain", unicode));
            }
        }

        // Stage 4: policy rules.
        findings = policy.apply(address, findings);
        if (suggestion != null && suggestion.confidence() >= ONE_SLIP_CONFIDENCE) {
            // One slip of a known provider (gmai.com) is on community lists of throw-away domains, squatted: the
            // customer meant the provider, so the suggestion stands rather than a refusal. A farther name
            // (yopmail.com, two keys from hotmail.com) is the throw-away service itself.
            findings = Findings.without(findings, FindingCode.DISPOSABLE_DOMAIN);
        }
        // The corrected address would break a rule (juan_perez@gmial.com → no Gmail mailbox can be juan_perez):
        // there is no good suggestion, and the reason is worth showing.
        for (int i = 0; i < suggestionErrors.size(); i++) {
            Finding error = suggestionErrors.get(i);
            if (Findings.first(findings, error.code()) == null) {
                findings = Findings.append(findings, error);
            }
        }

        return result(input, Optional.of(address.address()), suppressed(address, findings), suggestion);
    }

    /** Stage 5: what sending taught (bounces, complaints): one hash lookup. */
    private List<Finding> suppressed(ParsedAddress address, List<Finding> findings) {
        if (suppressionList != null) {
            Finding suppressed = suppressionFinding(address.address());
            if (suppressed != null) {
                return Findings.append(findings, suppressed);
            }
        }
        return findings;
    }

    /** @return the finding for a suppressed address, or {@code null}; a failing list counts as "not suppressed" */
    private Finding suppressionFinding(String normalized) {
        Optional<SuppressionEntry> found;
        try {
            found = suppressionList.find(normalized);
        } catch (RuntimeException e) {
            return null;
        }
        if (found == null || found.isEmpty()) {
            return null;
        }
        SuppressionEntry entry = found.get();
        String summary = entry.statusSummary();
        return new Finding(entry.reason().findingCode(), suppressionSeverity, Map.of(
                "date", entry.date().toString(),
                "reason", entry.reason().id(),
                "detail", summary.isEmpty() ? "" : " (" + summary + ")"));
    }

    /**
     * An address refused only because its domain lacks a TLD or has one that does not exist ({@code juan@gmail},
     * {@code juan@gmail.con}) is still worth a suggestion when the domain has a clear correction: the verdict is
     * then SUGGEST, and the syntax finding stays so that the user sees why the typed address cannot be used.
     */
    private EmailCheck suggestForRejected(String input, String value, List<Finding> repairs, Finding reason) {
        if (reason.code().equals(FindingCode.TLD_UNKNOWN) && SpecialUseDomains.isSpecialTld(reason.parameter("tld"))) {
            return rejected(input, repairs, specialUseFinding("." + reason.parameter("tld")));
        }
        boolean comma = reason.code().equals(FindingCode.DOMAIN_INVALID_CHARACTER)
                && ",".equals(reason.parameters().get("character"));
        if (typoCorrector == null || !(comma || reason.code().equals(FindingCode.DOMAIN_NO_TLD)
                || reason.code().equals(FindingCode.TLD_UNKNOWN))) {
            return rejected(input, repairs, reason);
        }
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@')) {
            return rejected(input, repairs, reason);
        }
        String domain = value.substring(at + 1);
        TypoCorrector.Correction correction = comma ? commaCorrection(domain)
                : Normalizer.isAscii(domain) ? typoCorrector.correct(domain, domain)
                : typoCorrector.lookalike(domain.toLowerCase(java.util.Locale.ROOT));
        if (correction == null) {
            return rejected(input, repairs, reason);
        }
        String suggested = value.substring(0, at + 1) + correction.domain(); // built once, checked, kept
        if (!suggestionErrors(suggested).isEmpty()) {
            return rejected(input, repairs, reason);
        }
        Suggestion suggestion = new Suggestion(suggested, correction.confidence(), domain);
        List<Finding> findings = Findings.append(Findings.append(repairs, reason),
                typoFinding(correction, suggestion));
        return result(input, Optional.empty(), findings, suggestion);
    }

    /**
     * A comma the normalizer left in the domain because a dot there was not certain ({@code gmai,l.com},
     * {@code apa,che.org}): the known domain it gives once dropped ({@code gmail.com}), else a clear correction of
     * the domain read with a dot or without the comma; else nothing, and the comma is refused.
     */
    private TypoCorrector.Correction commaCorrection(String domain) {
        if (!Normalizer.isAscii(domain)) {
            return null;
        }
        String dropped = domain.replace(",", "");
        String dotted = domain.replace(',', '.');
        for (String candidate : new String[] {dotted, dropped}) {
            if (typoCorrector.knownDomains().contains(candidate)) {
                return new TypoCorrector.Correction(candidate, 0.5, false);
            }
        }
        TypoCorrector.Correction withDot = typoCorrector.correct(dotted, dotted);
        return withDot != null ? withDot : typoCorrector.correct(dropped, dropped);
    }

    /** The one-pass parse when it takes the text (it answers as the full parse then), else the full parse. */
    private ParseResult parseCleanFirst(String value, boolean lowercaseLocalPart) {
        ParsedAddress clean = parser.parseClean(value, lowercaseLocalPart);
        return clean != null ? clean : parser.parse(value);
    }

    /**
     * A suggestion must be VALID on its own: it has to parse and pass every policy rule.
     *
     * @param suggested the suggested address, local part @ corrected domain
     * @return the errors the suggested address would get (a syntax error, or policy ERROR findings); empty if none
     */
    private List<Finding> suggestionErrors(String suggested) {
        // The local part was accepted already and the domain is a known one: usually the one-pass parse takes it.
        ParseResult parsed = parseCleanFirst(suggested, false);
        if (parsed instanceof ParseResult.Rejected rejected) {
            return List.of(rejected.reason());
        }
        ParsedAddress address = (ParsedAddress) parsed;
        // At a clean known domain the domain-only rules have nothing to say (see CleanDomains).
        List<Finding> found = cleanDomains.contains(address) ? policy.applyBeyondDomain(address, List.of())
                : policy.apply(address, List.of());
        List<Finding> errors = List.of(); // usually none: no list is built then
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            if (f.severity() == Severity.ERROR) {
                errors = Findings.append(errors, f);
            }
        }
        return errors;
    }

    private static Finding specialUseFinding(String name) {
        return Finding.of(FindingCode.SPECIAL_USE_DOMAIN, Severity.ERROR, "domain", name);
    }

    private static Finding typoFinding(TypoCorrector.Correction correction, Suggestion suggestion) {
        return correction.lookalike()
                ? new Finding(FindingCode.LOOKALIKE_DOMAIN, Severity.SUGGESTION,
                        Map.of("domain", correction.domain(), "suggestion", suggestion.address()))
                : Finding.of(FindingCode.DOMAIN_TYPO, Severity.SUGGESTION, "suggestion", suggestion.address());
    }

    private static EmailCheck internalError(String input) {
        return new EmailCheck(input, Optional.empty(), Verdict.INVALID, Optional.empty(),
                List.of(Finding.of(FindingCode.INTERNAL_ERROR, Severity.ERROR)));
    }

    static Verdict verdictOf(List<Finding> findings) {
        Severity worst = Severity.INFO;
        for (int i = 0, n = findings.size(); i < n; i++) {
            Finding f = findings.get(i);
            if (f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        return switch (worst) {
            case INFO, WARNING -> Verdict.VALID;
            case SUGGESTION -> Verdict.SUGGEST;
            case INDETERMINATE -> Verdict.UNKNOWN;
            case ERROR -> Verdict.INVALID;
        };
    }

    private static EmailCheck rejected(String input, List<Finding> repairs, Finding reason) {
        return result(input, Optional.empty(), Findings.append(repairs, reason), null);
    }

    /**
     * @param normalized the parsed address, or empty when the input was refused
     * @param suggestion the suggestion, or {@code null}
     * @return the result, its verdict following from the findings and the suggestion
     */
    private static EmailCheck result(String input, Optional<String> normalized, List<Finding> findings,
                                     Suggestion suggestion) {
        Verdict v;
        if (normalized.isEmpty() && suggestion != null) {
            v = Verdict.SUGGEST; // refused as typed, but a clear correction exists (see suggestForRejected)
        } else {
            v = verdictOf(findings);
            // A suggestion without an error means SUGGEST; an error always wins.
            if (v == Verdict.SUGGEST && suggestion == null) {
                v = Verdict.VALID;
            }
        }
        return new EmailCheck(input, normalized, v, v == Verdict.SUGGEST ? Optional.of(suggestion) : Optional.empty(),
                findings);
    }

    /** Folds the DNS answer into a VALID offline result (which has no suggestion). */
    private static EmailCheck withMailStatus(EmailCheck offline, String domain, MailDomainStatus status,
                                             Verdict dnsFailureVerdict) {
        Finding finding = mailFinding(domain, status, dnsFailureVerdict);
        if (finding == null) {
            return offline;
        }
        return result(offline.input(), offline.normalized(), Findings.append(offline.findings(), finding), null);
    }

    /** An unreliable resolver is never a reason to reject: it says nothing about the address. */
    private static Finding indeterminateFinding(String domain, MailDomainStatus.Indeterminate status,
                                                Verdict dnsFailureVerdict) {
        Map<String, String> params = Map.of("domain", domain, "reason", status.reason());
        if (status.resolverUnreliable()) {
            return new Finding(FindingCode.DNS_RESOLVER_UNRELIABLE, Severity.INDETERMINATE, params);
        }
        return new Finding(FindingCode.DNS_INDETERMINATE,
                dnsFailureVerdict == Verdict.INVALID ? Severity.ERROR : Severity.INDETERMINATE, params);
    }

    private static Finding mailFinding(String domain, MailDomainStatus status, Verdict dnsFailureVerdict) {
        return switch (status.kind()) {
            case HAS_MX -> null;
            case IMPLICIT_MX -> Finding.of(FindingCode.IMPLICIT_MX, Severity.INFO, "domain", domain);
            case NULL_MX -> Finding.of(FindingCode.NULL_MX, Severity.ERROR, "domain", domain);
            case NO_SUCH_DOMAIN -> Finding.of(FindingCode.DOMAIN_NOT_FOUND, Severity.ERROR, "domain", domain);
            case NO_MAIL_HOST -> Finding.of(FindingCode.NO_MAIL_HOST, Severity.ERROR, "domain", domain);
            case NO_PUBLIC_MAIL_HOST -> Finding.of(FindingCode.MAIL_HOST_NOT_PUBLIC, Severity.ERROR, "domain", domain);
            case NO_SUCH_MAIL_HOST -> Finding.of(FindingCode.MAIL_HOST_NOT_FOUND, Severity.ERROR, "domain", domain);
            case INDETERMINATE -> indeterminateFinding(domain, (MailDomainStatus.Indeterminate) status,
                    dnsFailureVerdict);
        };
    }

    /**
     * Configures a {@link CustomerEmailValidator}. Not thread-safe; {@link #build()} may be called repeatedly.
     */
    public static final class Builder {
        private boolean lowercaseLocalPart = true;
        private final List<String> extraTopLevelDomains = new ArrayList<>();
        private MailDomainChecker mailDomainChecker;
        private Verdict dnsFailureVerdict = Verdict.UNKNOWN;
        private Duration mailCheckDeadline = Duration.ofSeconds(5);
        private final PolicySettings policy = new PolicySettings();
        private boolean typoCorrection = true;
        private boolean typoMemo = true;
        /** {@code null}: the bundled dictionary. */
        private List<String> replacementDomains;
        private final List<String> addedDomains = new ArrayList<>();
        private SuppressionList suppressionList;
        private RuleMode suppressionMode = RuleMode.INVALID;
        private java.util.function.Consumer<? super EmailCheck> checkListener;
        private boolean cleanDomainShortcut = true;

        private Builder() {
        }

        /**
         * Consults a list of addresses that bounced or complained: a listed address gets
         * {@link FindingCode#PREVIOUSLY_BOUNCED} or {@link FindingCode#COMPLAINED} (verdict INVALID), whose message
         * names the day and the mail server's reason ("El correo a esta dirección fue rechazado el 3/11/2026: la
         * cuenta no existe (550 5.1.1)"). The list is consulted for every well-formed address, with its normalized
         * form, offline checks included; it must answer from memory. Off by default.
         *
         * @param list the list, or {@code null} for none
         * @return this builder
         */
        public Builder suppressionList(SuppressionList list) {
            this.suppressionList = list;
            return this;
        }

        /**
         * How a suppressed address weighs: {@link RuleMode#INVALID} (the default), {@link RuleMode#WARNING} (shown,
         * still VALID) or {@link RuleMode#OFF} (the list is not consulted).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder suppressedAddresses(RuleMode mode) {
            this.suppressionMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Receives every finished check (of {@code check}, {@code checkAsync} and {@code checkOffline}), once,
         * e.g. to count verdicts and findings for metrics. It runs on the thread that finished the check (the
         * caller's, or the mail-domain checker's for a check that waited for DNS), so it must be quick and
         * thread-safe; what it throws is ignored. One listener per validator: a later call replaces it.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder checkListener(java.util.function.Consumer<? super EmailCheck> listener) {
            this.checkListener = listener;
            return this;
        }

        /**
         * Whether mistyped domains get a "did you mean" suggestion (default {@code true}): {@code juan@gmial.com}
         * gives {@link Verdict#SUGGEST} with {@code juan@gmail.com} and a {@link FindingCode#DOMAIN_TYPO} finding
         * (or {@link FindingCode#LOOKALIKE_DOMAIN} for look-alike Unicode letters). Suggestions only ever point to
         * a domain of the known-domain dictionary: the bundled one of global, Latin American and Spanish mail
         * providers, plus what {@link #knownDomains(Collection)} adds.
         *
         * @param enabled the option
         * @return this builder
         */
        public Builder typoCorrection(boolean enabled) {
            this.typoCorrection = enabled;
            return this;
        }

        /**
         * Adds domains to the known-domain dictionary, e.g. the mail domains of your own region or of your big
         * customers. A known domain is never corrected, and a domain close to it may be corrected toward it
         * ({@code acmee.com.co} → {@code acme.com.co} for names of five letters or more). Added domains have a
         * middle weight and are not brands: the same name under another suffix is left alone.
         *
         * @param domains domains such as {@code empresa.com.co} (Unicode names are accepted and stored as A-labels)
         * @return this builder
         * @throws IllegalArgumentException if one of them is not a valid mail domain with an existing TLD
         */
        public Builder knownDomains(Collection<String> domains) {
            Objects.requireNonNull(domains, "domains");
            for (String d : domains) {
                addedDomains.add(KnownDomains.validate(d));
            }
            return this;
        }

        /**
         * Replaces the whole known-domain dictionary (the bundled one and anything added before) with these domains,
         * for an application that wants suggestions toward its own list only.
         *
         * @param domains the complete list; may be empty (then nothing is ever suggested)
         * @return this builder
         * @throws IllegalArgumentException if one of them is not a valid mail domain with an existing TLD
         */
        public Builder replaceKnownDomains(Collection<String> domains) {
            Objects.requireNonNull(domains, "domains");
            List<String> validated = new ArrayList<>(domains.size());
            for (String d : domains) {
                validated.add(KnownDomains.validate(d));
            }
            this.replacementDomains = validated;
            this.addedDomains.clear();
            return this;
        }

        /**
         * Whether the typo corrector remembers its recent answers (default {@code true}); off only to measure its
         * search (the benchmarks reach this through their own hook: it is no option for applications).
         */
        Builder typoMemo(boolean remember) {
            this.typoMemo = remember;
            return this;
        }

        /**
         * Whether a check at a known domain on which every domain-only stage passes skips them (default
         * {@code true}); off only for the tests that compare both paths.
         */
        Builder cleanDomainShortcut(boolean shortcut) {
            this.cleanDomainShortcut = shortcut;
            return this;
        }

        private TypoCorrector typoCorrector() {
            if (!typoCorrection) {
                return null;
            }
            TypoCorrector corrector;
            if (replacementDomains == null && addedDomains.isEmpty()) {
                corrector = TypoCorrector.bundled(); // shared: building a validator does not re-index the dictionary
            } else {
                KnownDomains base = replacementDomains == null ? KnownDomains.bundled()
                        : KnownDomains.of(replacementDomains);
                corrector = new TypoCorrector(base.plus(addedDomains), PublicSuffixes.bundled());
            }
            return typoMemo ? corrector : corrector.withoutMemo();
        }

        /**
         * Accepts top-level domains that are not in the bundled IANA list, e.g. {@code test} when a test DNS server
         * serves {@code example.test}, or a private network's TLD. Checked when called.
         *
         * @param tlds top-level domains such as {@code test}
         * @return this builder
         * @throws IllegalArgumentException if one of them is not a valid top-level domain label
         */
        public Builder extraTopLevelDomains(String... tlds) {
            List<String> list = List.of(tlds);
            AddressParser.withExtraTopLevelDomains(list); // validates now, so the error names the builder call
            extraTopLevelDomains.addAll(list);
            return this;
        }

        /**
         * Whether the part before {@code @} is lower-cased (default {@code true}). Customer mailboxes are
         * case-insensitive in practice; keeping one spelling avoids duplicate customers.
         *
         * @param lowercase the option
         * @return this builder
         */
        public Builder lowercaseLocalPart(boolean lowercase) {
            this.lowercaseLocalPart = lowercase;
            return this;
        }

        /**
         * Enables the mail-domain (MX) check with the given checker, e.g. {@code DnsMailDomainChecker} from module
         * {@code customer-email-dns}. Off by default. The validator's {@link #close()} closes it.
         *
         * @param checker the checker, or {@code null} to disable the check
         * @return this builder
         */
        public Builder mailDomainChecker(MailDomainChecker checker) {
            this.mailDomainChecker = checker;
            return this;
        }

        /**
         * What a DNS failure (timeout, SERVFAIL…) means: {@link Verdict#UNKNOWN} (fail-open, the default) or
         * {@link Verdict#INVALID} (fail-closed).
         *
         * @param verdict UNKNOWN or INVALID
         * @return this builder
         * @throws IllegalArgumentException for any other verdict
         */
        public Builder dnsFailureVerdict(Verdict verdict) {
            if (verdict != Verdict.UNKNOWN && verdict != Verdict.INVALID) {
                throw new IllegalArgumentException("a DNS failure can only mean UNKNOWN or INVALID, not " + verdict);
            }
            this.dnsFailureVerdict = verdict;
            return this;
        }

        /**
         * An outer deadline on each mail-domain check, on top of the checker's own (default 5 s). When it passes
         * the verdict is decided by {@link #dnsFailureVerdict(Verdict)}.
         *
         * @param deadline a positive duration
         * @return this builder
         */
        public Builder mailCheckDeadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the deadline must be positive: " + deadline);
            }
            this.mailCheckDeadline = deadline;
            return this;
        }

        /** @return a new immutable validator */
        public CustomerEmailValidator build() {
            return new CustomerEmailValidator(this);
        }

        // ---- Policy (stage 4). Domain lists accumulate: each call adds to what was configured before. ----

        /**
         * Adds the company's own domains: an address there or at any subdomain ({@code ventas.tumatera.com}) is
         * refused with {@link FindingCode#CORPORATE_DOMAIN} (severity ERROR, parameter {@code domain} = the
         * configured domain that matched), because a customer's own address is required. Values are
         * case-insensitive, may end with a dot and may be internationalized (compared in A-label form).
         *
         * @param domains domains such as {@code tumatera.com}
         * @return this builder
         * @throws IllegalArgumentException if a value is not a domain name (nothing is added then)
         */
        public Builder corporateDomains(String... domains) {
            PolicySettings.addDomains(policy.corporateDomains, domains);
            return this;
        }

        /**
         * Adds one corporate domain; see {@link #corporateDomains(String...)}.
         *
         * @param domain a domain such as {@code tumatera.com}
         * @return this builder
         */
        public Builder corporateDomain(String domain) {
            return corporateDomains(domain);
        }

        /**
         * Adds blocked domains (with their subdomains): {@link FindingCode#BLOCKED_DOMAIN}, severity ERROR,
         * parameter {@code domain} = the configured domain that matched. Same value rules as
         * {@link #corporateDomains(String...)}.
         *
         * @param domains the domains
         * @return this builder
         */
        public Builder blockedDomains(String... domains) {
            PolicySettings.addDomains(policy.blockedDomains, domains);
            return this;
        }

        /**
         * Adds domains to an allow-list: once any is configured, addresses outside these domains (and their
         * subdomains) are refused with {@link FindingCode#DOMAIN_NOT_ALLOWED} (severity ERROR, parameter
         * {@code domain} = the address's domain). Corporate and blocked domains are refused even when allowed.
         *
         * @param domains the domains
         * @return this builder
         */
        public Builder allowedDomains(String... domains) {
            PolicySettings.addDomains(policy.allowedDomains, domains);
            return this;
        }

        /**
         * Switches the disposable-domain check ({@link FindingCode#DISPOSABLE_DOMAIN}, severity ERROR) on or off;
         * on by default, with the bundled hand-curated list plus {@link #disposableDomains(String...)}.
         *
         * @param check the switch
         * @return this builder
         */
        public Builder disposableDomainCheck(boolean check) {
            policy.disposableCheck = check;
            return this;
        }

        /**
         * Adds domains (with their subdomains) to the bundled list of disposable-mail domains. Ignored while
         * {@link #disposableDomainCheck(boolean)} is off.
         *
         * @param domains the domains
         * @return this builder
         */
        public Builder disposableDomains(String... domains) {
            PolicySettings.addDomains(policy.extraDisposableDomains, domains);
            return this;
        }

        /**
         * Adds the domains of a list file of your own to the disposable-mail domains: UTF-8, one domain a line
         * (covering its subdomains), {@code #} comments and blank lines skipped. The file is read now.
         *
         * @param file the list
         * @return this builder
         * @throws ConfigurationException naming the file when it cannot be read or a line is not a domain
         */
        public Builder disposableDomainsFile(java.nio.file.Path file) {
            Objects.requireNonNull(file, "file");
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                policy.extraDisposableDomains.addAll(DisposableDomainRule.read(in));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new ConfigurationException(file.toString(), 0, "disposable.extra-file",
                        "the disposable-domain list cannot be used: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * How role accounts ({@code info@}, {@code ventas@}, {@code facturacion@}, {@code noreply@}…, compared
         * without a {@code +tag}) are treated: {@link FindingCode#ROLE_ACCOUNT}, parameter {@code localPart}.
         * Default {@link RuleMode#WARNING}: businesses often receive invoices at such mailboxes.
         *
         * @param mode OFF, WARNING or INVALID
         * @return this builder
         */
        public Builder roleAccounts(RuleMode mode) {
            policy.roleAccounts = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How provider mailbox rules (Gmail, Outlook/Hotmail, Yahoo; {@link FindingCode#PROVIDER_MAILBOX_RULE})
         * are treated. Default {@link ProviderRuleMode#STANDARD}: an error where the provider is categorical (no
         * {@code _} in a Gmail address), a warning elsewhere.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder providerRules(ProviderRuleMode mode) {
            policy.providerRules = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How a local part with non-ASCII characters ({@code josé@…}, SMTPUTF8) is treated:
         * {@link FindingCode#NON_ASCII_LOCAL_PART}. Default {@link RuleMode#INVALID}: most sending services
         * (Amazon SES among them) cannot deliver there and the big free providers never issue such names; use
         * WARNING if your mail path supports SMTPUTF8.
         *
         * @param mode OFF, WARNING or INVALID
         * @return this builder
         */
        public Builder nonAsciiLocalPart(RuleMode mode) {
            policy.nonAsciiLocalPart = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Adds a custom rule; rules run in ascending {@link PolicyRule#cost()}. See {@link PolicyRule}.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder rule(PolicyRule rule) {
            policy.customRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Applies a configuration file: UTF-8 text, one {@code key = value} (or {@code key: value}) per line, lines
         * starting with {@code #} or {@code !} are comments, a trailing backslash continues a line, no escapes.
         * Keys, all optional:
         * <pre>
         * # lists are comma- or space-separated and add to what is configured already
         * corporate-domains = tumatera.com, tumatera.com.co
         * blocked-domains =
         * allowed-domains =
         * # true | false
         * disposable.check = true
         * disposable.extra-domains =
         * # off | warning | invalid
         * role-accounts = warning
         * # off | warning | standard | strict
         * provider-rules = standard
         * # off | warning | invalid
         * non-ascii-local-part = invalid
         * # true | false
         * lowercase-local-part = true
         * </pre>
         * The whole file is checked before anything is applied; then its values override earlier settings and its
         * domain lists are added to them. Unknown keys are errors (typo protection).
         *
         * @param file the file
         * @return this builder
         * @throws ConfigurationException naming the file, the line and the key: unreadable file, a line that is not
         *                                {@code key = value}, an unknown or repeated key, a bad value
         */
        public Builder configure(java.nio.file.Path file) {
            ConfigurationFile.apply(Objects.requireNonNull(file, "file"), this);
            return this;
        }

        /**
         * Applies {@code customer-email.properties} from the root of the classpath (the thread's context class
         * loader first), when there is one; does nothing otherwise. Same format as {@link #configure(java.nio.file.Path)}.
         *
         * @return this builder
         * @throws ConfigurationException if the resource exists but is wrong
         */
        public Builder configureFromClasspath() {
            ConfigurationFile.applyFromClasspath(ConfigurationFile.CLASSPATH_RESOURCE, this);
            return this;
        }

        /**
         * Applies settings given as {@link java.util.Properties}, with the keys of
         * {@link #configure(java.nio.file.Path)}; errors name the key (there are no line numbers).
         *
         * @param properties the settings
         * @return this builder
         * @throws ConfigurationException for an unknown key or a bad value
         */
        public Builder configure(java.util.Properties properties) {
            ConfigurationFile.apply(Objects.requireNonNull(properties, "properties"), this);
            return this;
        }
    }
}
