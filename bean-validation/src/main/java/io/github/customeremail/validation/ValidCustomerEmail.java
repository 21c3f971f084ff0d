package io.github.customeremail.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated character sequence must be a customer email address that
 * {@link io.github.customeremail.CustomerEmailValidator} accepts: it is normalized, parsed strictly, checked for
 * typos ({@code SUGGEST}) and, when {@link #checkMx()} is on, for mail servers.
 *
 * <p>{@code null} and the empty string are valid, as with {@code @Email}: add {@code @NotBlank} to require a value.
 * Supported type: {@link CharSequence}.
 *
 * <pre>{@code
 * public class Customer {
 *     @ValidCustomerEmail
 *     private String email;
 *
 *     private List<@ValidCustomerEmail String> ccEmails;
 * }
 * }</pre>
 *
 * <p>The violation message names the reason in the interpolation locale (Spanish and English are bundled), e.g.
 * {@code ¿Quiso decir juan@gmail.com?} or {@code A la dirección le falta la @.}. See the package documentation for
 * the message keys and parameters and for how to share one configured validator.
 *
 * @see ValidCustomerEmailValidator
 */
@Documented
@Constraint(validatedBy = ValidCustomerEmailValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE, CONSTRUCTOR})
@Retention(RUNTIME)
@Repeatable(ValidCustomerEmail.List.class)
public @interface ValidCustomerEmail {

    /** The message key of the default message. */
    String DEFAULT_MESSAGE = "{io.github.customeremail.validation.ValidCustomerEmail.message}";

    /**
     * @return the message template; by default the reason in the interpolation locale. With Hibernate Validator the
     *         parameters {@code {reason_es}}, {@code {reason_en}}, {@code {reason_pt}}, {@code {code}}, {@code {verdict}},
     *         {@code {suggestion}} and {@code {normalized}} are available (see the package documentation)
     */
    String message() default DEFAULT_MESSAGE;

    /** @return the validation groups */
    Class<?>[] groups() default {};

    /** @return the payload */
    Class<? extends Payload>[] payload() default {};

    /**
     * @return whether a probable typo ({@code SUGGEST}, "¿Quiso decir …?") is a violation (default {@code true}).
     *         With {@code false} the address is accepted as typed; ask the customer elsewhere.
     */
    boolean suggestFails() default true;

    /**
     * @return whether an address whose mail-domain check could not answer ({@code UNKNOWN}: DNS timeout, SERVFAIL)
     *         is a violation (default {@code false}: fail-open, save and re-check later). Only matters with
     *         {@link #checkMx()}.
     */
    boolean unknownFails() default false;

    /**
     * @return whether the domain must have mail servers (MX check, default {@code false}). Uses the
     *         {@link io.github.customeremail.MailDomainChecker} configured on the shared
     *         {@link io.github.customeremail.CustomerEmailValidator}; validating fails with a
     *         {@link jakarta.validation.ValidationException} when none is configured. Blocks up to the validator's
     *         mail-check deadline.
     */
    boolean checkMx() default false;

    /**
     * @return domains whose addresses are refused, subdomains included (e.g. the company's own domain
     *         {@code tumatera.com} also refuses {@code ventas.tumatera.com}); compared after normalization, without
     *         regard to case. Reported with finding code {@code BLOCKED_DOMAIN}. Applied on top of the shared
     *         validator, for this element only; for every address, configure
     *         {@code CustomerEmailValidator.Builder#corporateDomains}/{@code blockedDomains} on the shared validator.
     */
    String[] blockedDomains() default {};

    /** Several {@link ValidCustomerEmail} constraints on the same element (e.g. with different groups). */
    @Documented
    @Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE, CONSTRUCTOR})
    @Retention(RUNTIME)
    @interface List {
        /** @return the constraints */
        ValidCustomerEmail[] value();
    }
}
