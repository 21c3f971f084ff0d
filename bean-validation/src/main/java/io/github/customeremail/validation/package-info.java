/**
 * {@code @ValidCustomerEmail}: a Jakarta Bean Validation constraint for customer email fields, backed by
 * customer-email-core.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * public class Customer {
 *     @NotBlank @ValidCustomerEmail
 *     private String email;                                     // "juan@gmial.com" → "¿Quiso decir juan@gmail.com?"
 *
 *     @ValidCustomerEmail(blockedDomains = "tumatera.com")     // our own domain, subdomains included
 *     private String billingEmail;
 *
 *     private List<@ValidCustomerEmail(suggestFails = false) String> ccEmails;
 *
 *     public void setEmail(String email) {
 *         this.email = CustomerEmails.normalizeOrKeep(email);   // store "juan@gmail.com", not " Juan@Gmail,com "
 *     }
 * }
 * }</pre>
 * Adding the jar is enough: the annotation names its validator ({@code validatedBy}). {@code null} and {@code ""}
 * are valid, as with {@code @Email}.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code suggestFails}</td><td>{@code true}</td><td>a probable typo (verdict SUGGEST) is a violation</td></tr>
 *   <tr><td>{@code unknownFails}</td><td>{@code false}</td><td>an unanswered MX check (UNKNOWN) is a violation</td></tr>
 *   <tr><td>{@code checkMx}</td><td>{@code false}</td><td>check mail servers with the configured
 *       {@link io.github.customeremail.MailDomainChecker}; without one, validation throws
 *       {@link jakarta.validation.ValidationException}</td></tr>
 *   <tr><td>{@code blockedDomains}</td><td>none</td><td>refuse these domains and their subdomains (finding code
 *       {@code BLOCKED_DOMAIN})</td></tr>
 * </table>
 *
 * <h2>Configuring the shared validator</h2>
 * Every constraint uses one {@link io.github.customeremail.CustomerEmailValidator}; the first of these wins:
 * <ol>
 *   <li><b>Constructor</b>, for any {@link jakarta.validation.ConstraintValidatorFactory} (Spring, CDI): return
 *       {@code new ValidCustomerEmailValidator(customerEmailValidator)} for this class and delegate the others to the
 *       provider's default factory (there are two public constructors, so do not leave the choice to a container).
 *       In Spring the payload is usually simpler, through
 *       {@code LocalValidatorFactoryBean.setConfigurationInitializer}.</li>
 *   <li><b>Hibernate Validator payload</b>, per factory or per validator:
 * <pre>{@code
 * ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
 *         .constraintValidatorPayload(CustomerEmailValidator.builder().mailDomainChecker(dns).build())
 *         .buildValidatorFactory();
 * }</pre></li>
 *   <li><b>Default</b>: {@link io.github.customeremail.validation.CustomerEmails#defaultValidator()}, built on first
 *       use and shared (core defaults, no DNS).</li>
 * </ol>
 * The validator is shared, never closed by this module: close it (and its {@code MailDomainChecker}) yourself on
 * shutdown. With {@code checkMx = true}, {@code isValid} blocks until the DNS answer or the validator's
 * mail-check deadline.
 *
 * <h2>Messages</h2>
 * The default message is the reason for the verdict, in the interpolation locale (the factory's default locale or
 * its {@code LocaleResolver}); Spanish, English and Brazilian Portuguese are bundled:
 * {@code ¿Quiso decir juan@gmail.com?}, {@code A la dirección le falta la @.}, {@code No se aceptan direcciones de
 * tumatera.com.} The texts are core's finding messages ({@code Finding.message(Locale)}).
 *
 * <p>Key, in {@code ContributorValidationMessages[_es|_en|_pt].properties} of this jar; override it in your
 * {@code ValidationMessages[_xx].properties}, or give {@code message} on the annotation:
 * <ul>
 *   <li>{@code io.github.customeremail.validation.ValidCustomerEmail.message} = {@code {reason_es}} in Spanish,
 *       {@code {reason_pt}} in Portuguese, {@code {reason_en}} otherwise.</li>
 * </ul>
 * Message parameters (Hibernate Validator):
 * <ul>
 *   <li>{@code {reason_es}}, {@code {reason_en}}, {@code {reason_pt}} — the reason in Spanish / English / Portuguese
 *       (core renders each; the bundle of
 *       the interpolation locale chooses which one is shown);</li>
 *   <li>{@code {code}} — the reason's finding code ({@code DOMAIN_TYPO}, {@code MISSING_AT}, {@code BLOCKED_DOMAIN}…);</li>
 *   <li>{@code {verdict}} — {@code SUGGEST}, {@code INVALID} or {@code UNKNOWN};</li>
 *   <li>{@code {suggestion}} — the suggested address, or empty;</li>
 *   <li>{@code {normalized}} — the repaired address, or empty when it could not be parsed.</li>
 * </ul>
 * Example: {@code @ValidCustomerEmail(message = "Correo del cliente: {reason_es}")}. Each violation also carries
 * the whole {@link io.github.customeremail.EmailCheck} as Hibernate Validator's dynamic payload, e.g. for a
 * "use the suggestion" button: {@code violation.unwrap(HibernateConstraintViolation.class)
 * .getDynamicPayload(EmailCheck.class)}.
 *
 * <p>Security: the input only ever reaches the message as escaped parameters of a custom violation whose template
 * is the constraint's own message; it is never a template, a message key or an Expression Language expression,
 * whatever EL level or parameter escaping the application configures.
 *
 * <h2>Without Hibernate Validator</h2>
 * Hibernate Validator is optional (only {@code jakarta.validation-api} is required). With another provider the
 * constraint validates the same way and reports the constraint's message template as is: no parameters, no payload,
 * and the {@code ContributorValidationMessages} bundles are Hibernate Validator's mechanism, so define the key in
 * your {@code ValidationMessages.properties} with a fixed text.
 */
package io.github.customeremail.validation;
