package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CustomerEmailValidatorTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();

    @Test
    void theIssueExampleIsValidAfterSafeRepairs() {
        EmailCheck check = validator.check("  Juan.Perez@Gmail,com ");
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.normalized()).contains("juan.perez@gmail.com");
        assertThat(check.suggestion()).isEmpty();
        assertThat(check.input()).isEqualTo("  Juan.Perez@Gmail,com ");
        assertThat(check.findings()).extracting(Finding::code).contains(FindingCode.TRIMMED,
                FindingCode.COMMA_IN_DOMAIN_REPLACED, FindingCode.DOMAIN_LOWERCASED);
        assertThat(check.headline(ES)).isEmpty();
    }

    @Test
    void nullEmptyAndHugeInputsGiveAClearResult() {
        assertThat(validator.check(null).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(validator.check(null).has(FindingCode.EMPTY)).isTrue();
        assertThat(validator.check("").has(FindingCode.EMPTY)).isTrue();
        assertThat(validator.check("   ").has(FindingCode.EMPTY)).isTrue(); // trimmed to nothing
        assertThat(validator.check("   ").verdict()).isEqualTo(Verdict.INVALID);
        EmailCheck huge = validator.check("a".repeat(1_000_000) + "@gmail.com");
        assertThat(huge.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(huge.has(FindingCode.TOO_LONG)).isTrue();
        assertThat(huge.normalized()).isEmpty();
    }

    @Test
    void invalidAddressesSayWhyInBothLanguages() {
        EmailCheck check = validator.check("juan.gmail.com");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.normalized()).isEmpty();
        assertThat(check.headline(ES)).contains("A la dirección le falta la @.");
        assertThat(check.headline(Locale.ENGLISH)).contains("The address has no @.");
    }

    @Test
    void aLocaleWithoutBundleFallsBackToEnglishNotToTheJvmDefault() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(ES);
            EmailCheck check = validator.check("juan.gmail.com");
            assertThat(check.headline(Locale.GERMAN)).contains("The address has no @.");
            assertThat(check.headline(Locale.ENGLISH)).contains("The address has no @.");
            assertThat(check.headline(Locale.forLanguageTag("es-CO"))).contains("A la dirección le falta la @.");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void idnDomainsAreStoredAsALabelsAndReported() {
        EmailCheck check = validator.check("Maria@España.es");
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.normalized()).contains("maria@xn--espaa-rta.es");
        assertThat(check.finding(FindingCode.IDN_CONVERTED)).get()
                .extracting(f -> f.parameter("domain")).isEqualTo("españa.es");
    }

    @Test
    void aSuggestionIsOnlyMadeWhenTheSuggestedAddressIsValidOnItsOwn() {
        // Found by fuzzing: the corrected domain is right, but no Gmail mailbox can have this local part.
        EmailCheck nonAscii = validator.check("j.nau.p\u06E5erez@gmail..kom");
        assertThat(nonAscii.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(nonAscii.suggestion()).isEmpty();
        EmailCheck underscore = validator.check("juan_perez@gmial.com");
        assertThat(underscore.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(underscore.suggestion()).isEmpty();
        assertThat(underscore.has(FindingCode.PROVIDER_MAILBOX_RULE)).isTrue();
        assertThat(underscore.headline(ES)).get().asString().contains("Gmail");
        EmailCheck fine = validator.check("juan.perez@gmial.com");
        assertThat(fine.verdict()).isEqualTo(Verdict.SUGGEST);
        assertThat(validator.check(fine.suggestion().orElseThrow().address()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void extraTopLevelDomainsAreAcceptedOnlyWhenConfigured() {
        assertThat(validator.check("juan@example.test").has(FindingCode.SPECIAL_USE_DOMAIN)).isTrue();
        assertThat(validator.check("juan@printer.lan").has(FindingCode.TLD_UNKNOWN)).isTrue();
        CustomerEmailValidator testing = CustomerEmailValidator.builder().extraTopLevelDomains("test", ".LAN").build();
        assertThat(testing.check("juan@example.test").verdict()).isEqualTo(Verdict.VALID);
        assertThat(testing.check("juan@printer.lan").verdict()).isEqualTo(Verdict.VALID);
        assertThat(testing.check("juan@example.invalid").has(FindingCode.SPECIAL_USE_DOMAIN)).isTrue();
        assertThat(AddressParser.strict().parse("juan@example.test")).isInstanceOf(ParseResult.Rejected.class);
        assertThatThrownBy(() -> CustomerEmailValidator.builder().extraTopLevelDomains("no good"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no good");
        assertThatThrownBy(() -> CustomerEmailValidator.builder().extraTopLevelDomains("123"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customFindingCodesAreValidatedAndRenderTheirOwnMessage() {
        Finding custom = new Finding(FindingCode.custom("ACME_VIP"), Severity.WARNING,
                java.util.Map.of("message", "VIP customer"));
        assertThat(custom.message(ES)).isEqualTo("VIP customer");
        assertThatThrownBy(() -> FindingCode.custom("acme vip")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme vip");
    }

    @Test
    void messageParametersAreInsertedLiterallyNeverReinterpreted() {
        Finding f = Finding.of(FindingCode.TLD_UNKNOWN, Severity.ERROR, "tld", "{tld}${x}");
        assertThat(f.message(Locale.ENGLISH)).isEqualTo("The domain ending \".{tld}${x}\" does not exist.");
    }

    @Test
    void everyBuiltInCodeHasASpanishAndAnEnglishMessage() throws Exception {
        for (var field : FindingCode.class.getFields()) {
            if (field.getType() == FindingCode.class) {
                FindingCode code = (FindingCode) field.get(null);
                var en = Messages.bundle(Locale.ENGLISH);
                var es = Messages.bundle(ES);
                assertThat(en.containsKey(code.id())).as("English message for %s", code).isTrue();
                assertThat(es.getString(code.id())).as("Spanish message for %s", code)
                        .isNotEqualTo(en.getString(code.id()));
            }
        }
    }

    // --- mail-domain check wiring (the real DNS checker lives in module dns; here a scripted one) ---

    private static CustomerEmailValidator withStatus(MailDomainStatus status, AtomicInteger calls) {
        MailDomainChecker checker = domain -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(status);
        };
        return CustomerEmailValidator.builder().mailDomainChecker(checker).build();
    }

    @Test
    void mailDomainStatusesMapToVerdictsAndCodes() {
        AtomicInteger calls = new AtomicInteger();
        record Case(MailDomainStatus status, Verdict verdict, FindingCode code) { }
        List<Case> cases = List.of(
                new Case(new MailDomainStatus.HasMx(List.of("mx.gmail.com")), Verdict.VALID, null),
                new Case(new MailDomainStatus.ImplicitMx(), Verdict.VALID, FindingCode.IMPLICIT_MX),
                new Case(new MailDomainStatus.NullMx(), Verdict.INVALID, FindingCode.NULL_MX),
                new Case(new MailDomainStatus.NoSuchDomain(), Verdict.INVALID, FindingCode.DOMAIN_NOT_FOUND),
                new Case(new MailDomainStatus.NoMailHost(), Verdict.INVALID, FindingCode.NO_MAIL_HOST),
                new Case(new MailDomainStatus.NoPublicMailHost(List.of("mx.x.com")), Verdict.INVALID,
                        FindingCode.MAIL_HOST_NOT_PUBLIC),
                new Case(new MailDomainStatus.NoSuchMailHost(List.of("mx.x.com")), Verdict.INVALID,
                        FindingCode.MAIL_HOST_NOT_FOUND),
                new Case(new MailDomainStatus.Indeterminate("timeout"), Verdict.UNKNOWN,
                        FindingCode.DNS_INDETERMINATE),
                new Case(new MailDomainStatus.Indeterminate("canary gmail.com denied", true), Verdict.UNKNOWN,
                        FindingCode.DNS_RESOLVER_UNRELIABLE));
        for (Case c : cases) {
            EmailCheck check = withStatus(c.status(), calls).check("Juan@Ejemplo.com");
            assertThat(check.verdict()).as("%s", c.status()).isEqualTo(c.verdict());
            assertThat(check.normalized()).contains("juan@ejemplo.com");
            if (c.code() != null) {
                assertThat(check.finding(c.code())).as("%s", c.status()).get()
                        .extracting(f -> f.parameter("domain")).isEqualTo("ejemplo.com");
                assertThat(check.headline(ES).isPresent()).isEqualTo(c.verdict() != Verdict.VALID);
            }
        }
        assertThat(calls.get()).isEqualTo(cases.size());
    }

    @Test
    void invalidSyntaxIsNeverSentToDns() {
        AtomicInteger calls = new AtomicInteger();
        EmailCheck check = withStatus(new MailDomainStatus.HasMx(List.of("mx")), calls).check("juan@@x.com");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(calls.get()).isZero();
    }

    @Test
    void anUnreliableResolverIsUnknownEvenWhenDnsFailuresAreFailClosed() {
        MailDomainChecker checker = d -> CompletableFuture.completedFuture(
                new MailDomainStatus.Indeterminate("canary gmail.com: NXDOMAIN", true));
        EmailCheck check = CustomerEmailValidator.builder().mailDomainChecker(checker)
                .dnsFailureVerdict(Verdict.INVALID).build().check("juan.perez@gmail.com");
        assertThat(check.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(check.finding(FindingCode.DNS_RESOLVER_UNRELIABLE)).isPresent();
        assertThat(check.finding(FindingCode.DNS_INDETERMINATE)).isEmpty();
    }

    @Test
    void dnsFailureCanBeFailClosed() {
        MailDomainChecker checker = d -> CompletableFuture.completedFuture(
                new MailDomainStatus.Indeterminate("SERVFAIL"));
        EmailCheck check = CustomerEmailValidator.builder().mailDomainChecker(checker)
                .dnsFailureVerdict(Verdict.INVALID).build().check("juan@ejemplo.com");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.finding(FindingCode.DNS_INDETERMINATE)).get()
                .extracting(f -> f.parameter("reason")).isEqualTo("SERVFAIL");
        assertThatThrownBy(() -> CustomerEmailValidator.builder().dnsFailureVerdict(Verdict.VALID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckerThatNeverAnswersOrThrowsGivesUnknownNotAnException() {
        MailDomainChecker silent = d -> new CompletableFuture<>();
        EmailCheck late = CustomerEmailValidator.builder().mailDomainChecker(silent)
                .mailCheckDeadline(Duration.ofMillis(50)).build().check("juan@ejemplo.com");
        assertThat(late.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(late.finding(FindingCode.DNS_INDETERMINATE)).get()
                .extracting(f -> f.parameter("reason")).isEqualTo("deadline");

        MailDomainChecker throwing = d -> {
            throw new IllegalStateException("boom");
        };
        assertThat(CustomerEmailValidator.builder().mailDomainChecker(throwing).build()
                .check("juan@ejemplo.com").verdict()).isEqualTo(Verdict.UNKNOWN);

        MailDomainChecker failing = d -> CompletableFuture.failedFuture(new RuntimeException("boom"));
        assertThat(CustomerEmailValidator.builder().mailDomainChecker(failing).build()
                .check("juan@ejemplo.com").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void checkOfflineSkipsDnsAndCloseClosesTheChecker() {
        AtomicInteger closed = new AtomicInteger();
        MailDomainChecker checker = new MailDomainChecker() {
            @Override
            public CompletableFuture<MailDomainStatus> check(String d) {
                return CompletableFuture.completedFuture(new MailDomainStatus.NullMx());
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        try (CustomerEmailValidator v = CustomerEmailValidator.builder().mailDomainChecker(checker).build()) {
            assertThat(v.checkOffline("juan@ejemplo.com").verdict()).isEqualTo(Verdict.VALID);
            assertThat(v.check("juan@ejemplo.com").verdict()).isEqualTo(Verdict.INVALID);
        }
        assertThat(closed.get()).isEqualTo(1);
    }
}
