package io.github.customeremail.validation;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.FindingCode;
import io.github.customeremail.Severity;
import io.github.customeremail.Verdict;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validates {@link ValidCustomerEmail}. Registered by the annotation itself ({@code validatedBy}); nothing to
 * configure for the defaults.
 *
 * <p>Which {@link CustomerEmailValidator} it uses, first match wins:
 * <ol>
 *   <li>the one given to {@link #ValidCustomerEmailValidator(CustomerEmailValidator)}, for a
 *       {@link jakarta.validation.ConstraintValidatorFactory} that injects it (Spring, CDI);</li>
 *   <li>with Hibernate Validator, the constraint validator payload of the factory or validator when it is a
 *       {@code CustomerEmailValidator}
 *       ({@code HibernateValidatorConfiguration.constraintValidatorPayload(validator)});</li>
 *   <li>{@link CustomerEmails#defaultValidator()}, built on first use and shared.</li>
 * </ol>
 *
 * <p>Hibernate Validator is optional: with another provider the validator works the same, but the violation uses the
 * constraint's message template as is, without message parameters.
 */
public final class ValidCustomerEmailValidator implements ConstraintValidator<ValidCustomerEmail, CharSequence> {

    /** Message parameter: the reason in Spanish. */
    static final String PARAM_REASON_ES = "reason_es";
    /** Message parameter: the reason in English. */
    static final String PARAM_REASON_EN = "reason_en";
    /** Message parameter: the reason in (Brazilian) Portuguese. */
    static final String PARAM_REASON_PT = "reason_pt";
    /** Message parameter: the finding code of the reason. */
    static final String PARAM_CODE = "code";
    /** Message parameter: the verdict. */
    static final String PARAM_VERDICT = "verdict";
    /** Message parameter: the suggested address, or empty. */
    static final String PARAM_SUGGESTION = "suggestion";
    /** Message parameter: the normalized address, or empty. */
    static final String PARAM_NORMALIZED = "normalized";

    static final Locale SPANISH = Locale.forLanguageTag("es");
    static final Locale PORTUGUESE = Locale.forLanguageTag("pt");
    private static final boolean HIBERNATE_VALIDATOR = isHibernateValidatorAvailable();

    private final CustomerEmailValidator configured;
    private final Function<String, EmailCheck> scripted;

    private boolean suggestFails = true;
    private boolean unknownFails;
    private boolean checkMx;
    private List<String> blockedDomains = List.of();

    /** Uses the constraint validator payload (Hibernate Validator) or else the shared default validator. */
    public ValidCustomerEmailValidator() {
        this.configured = null;
        this.scripted = null;
    }

    /**
     * Uses the given validator, whatever the payload; for a {@code ConstraintValidatorFactory} that injects it.
     *
     * @param validator the configured validator, shared by every constraint
     */
    public ValidCustomerEmailValidator(CustomerEmailValidator validator) {
        this.configured = Objects.requireNonNull(validator, "validator");
        this.scripted = null;
    }

    /** Test seam: the check results come from a script instead of a {@code CustomerEmailValidator}. */
    ValidCustomerEmailValidator(Function<String, EmailCheck> scripted) {
        this.configured = null;
        this.scripted = Objects.requireNonNull(scripted, "scripted");
    }

    @Override
    public void initialize(ValidCustomerEmail annotation) {
        this.suggestFails = annotation.suggestFails();
        this.unknownFails = annotation.unknownFails();
        this.checkMx = annotation.checkMx();
        this.blockedDomains = normalizeDomains(annotation.blockedDomains());
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.length() == 0) {
            return true;
        }
        EmailCheck check = applyBlockedDomains(run(value.toString(), context));
        if (accepts(check.verdict())) {
            return true;
        }
        if (context != null && HIBERNATE_VALIDATOR) {
            HibernateValidatorSupport.report(context, check, reason(check));
        }
        // Without Hibernate Validator the default violation (the constraint's message, no parameters) is reported.
        return false;
    }

    private boolean accepts(Verdict verdict) {
        return switch (verdict) {
            case VALID -> true;
            case SUGGEST -> !suggestFails;
            case UNKNOWN -> !unknownFails;
            case INVALID -> false;
        };
    }

    private EmailCheck run(String input, ConstraintValidatorContext context) {
        if (scripted != null) {
            return scripted.apply(input);
        }
        CustomerEmailValidator validator = resolve(context);
        if (!checkMx) {
            return validator.checkOffline(input);
        }
        if (validator.mailDomainChecker().isEmpty()) {
            throw new ValidationException("@ValidCustomerEmail(checkMx = true) needs a CustomerEmailValidator built "
                    + "with a MailDomainChecker (e.g. customer-email-dns), given as Hibernate Validator's constraint "
                    + "validator payload or to the ValidCustomerEmailValidator constructor");
        }
        return validator.check(input);
    }

    private CustomerEmailValidator resolve(ConstraintValidatorContext context) {
        if (configured != null) {
            return configured;
        }
        if (context != null && HIBERNATE_VALIDATOR) {
            CustomerEmailValidator payload = HibernateValidatorSupport.payload(context);
            if (payload != null) {
                return payload;
            }
        }
        return CustomerEmails.defaultValidator();
    }

    /** Checked here, not in {@link HibernateValidatorSupport}, so that class is never loaded without HV. */
    private static boolean isHibernateValidatorAvailable() {
        try {
            Class.forName("org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext", false,
                    ValidCustomerEmailValidator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // --- blocked domains of the annotation ---

    private static List<String> normalizeDomains(String[] domains) {
        List<String> out = new ArrayList<>(domains.length);
        for (String d : domains) {
            String domain = normalizeDomain(d);
            if (domain.isEmpty()) {
                throw new jakarta.validation.ConstraintDeclarationException(
                        "@ValidCustomerEmail(blockedDomains) contains an empty domain");
            }
            out.add(domain);
        }
        return List.copyOf(out);
    }

    /** The domain as core normalizes the domain of an address (lower case, A-labels), or simply lower-cased. */
    static String normalizeDomain(String domain) {
        String d = domain == null ? "" : domain.strip();
        while (d.startsWith("@") || d.startsWith(".")) {
            d = d.substring(1);
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty()) {
            return d;
        }
        Optional<String> normalized = CustomerEmails.defaultValidator().checkOffline("postmaster@" + d).normalized();
        return normalized.map(ValidCustomerEmailValidator::domainOf).orElse(d.toLowerCase(Locale.ROOT));
    }

    private EmailCheck applyBlockedDomains(EmailCheck check) {
        if (blockedDomains.isEmpty() || check.verdict() == Verdict.INVALID || check.normalized().isEmpty()) {
            return check;
        }
        String domain = domainOf(check.normalized().get());
        for (String blocked : blockedDomains) {
            if (domain.equals(blocked) || domain.endsWith("." + blocked)) {
                List<Finding> findings = new ArrayList<>(check.findings());
                findings.add(Finding.of(FindingCode.BLOCKED_DOMAIN, Severity.ERROR, "domain", domain));
                return new EmailCheck(check.input(), check.normalized(), Verdict.INVALID, Optional.empty(), findings);
            }
        }
        return check;
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    // --- message ---

    /**
     * The finding that explains the verdict: the first suggestion for SUGGEST, the first error for INVALID, the first
     * indeterminate finding for UNKNOWN (as {@link EmailCheck#headline(Locale)} chooses).
     */
    static Finding reason(EmailCheck check) {
        Severity wanted = switch (check.verdict()) {
            case VALID -> Severity.INFO;
            case SUGGEST -> Severity.SUGGESTION;
            case INVALID -> Severity.ERROR;
            case UNKNOWN -> Severity.INDETERMINATE;
        };
        for (Finding f : check.findings()) {
            if (f.severity() == wanted) {
                return f;
            }
        }
        if (check.suggestion().isPresent()) {
            return Finding.of(FindingCode.DOMAIN_TYPO, Severity.SUGGESTION,
                    "suggestion", check.suggestion().get().address());
        }
        return Finding.of(FindingCode.INTERNAL_ERROR, Severity.ERROR);
    }

    /**
     * The reason of a violation in one language, rendered only when the message interpolator reads it: a template
     * names one of {@code {reason_es}}, {@code {reason_en}}, {@code {reason_pt}} (the interpolation locale chooses
     * the bundle, the bundle chooses the parameter), so the other two are never rendered. Its text is escaped for
     * the interpolator, as Hibernate Validator's own escaping would do it.
     */
    static final class LocalizedReason {
        private final Finding reason;
        private final Locale locale;

        LocalizedReason(Finding reason, Locale locale) {
            this.reason = reason;
            this.locale = locale;
        }

        @Override
        public String toString() {
            return HibernateValidatorSupport.escape(reason.message(locale));
        }
    }
}
