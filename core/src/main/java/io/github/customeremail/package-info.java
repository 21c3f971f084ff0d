/**
 * Stops bad customer email addresses before they are saved: one facade, {@link
 * io.github.customeremail.CustomerEmailValidator}, runs a one-way pipeline and returns one immutable {@link
 * io.github.customeremail.EmailCheck}.
 *
 * <h2>Stages and where they live</h2>
 * <table>
 *   <caption>The pipeline, in order</caption>
 *   <tr><th>stage</th><th>classes</th><th>what</th></tr>
 *   <tr><td>normalize</td><td>{@link io.github.customeremail.Normalizer}, {@link
 *       io.github.customeremail.Normalization}</td><td>safe repairs, each reported as an INFO finding</td></tr>
 *   <tr><td>parse</td><td>{@link io.github.customeremail.AddressParser}, {@link
 *       io.github.customeremail.ParseResult}, {@link io.github.customeremail.ParsedAddress}; {@code TopLevelDomains}
 *       (bundled IANA list)</td><td>strict, linear-time RFC 5321 mailbox syntax</td></tr>
 *   <tr><td>typo</td><td>{@code TypoCorrector}, {@code KnownDomains}, {@code PublicSuffixes}, {@code
 *       KeyboardDistance}, {@code SuffixDistances}, {@code Confusables}, {@code CorrectionMemo}, {@code DomainSet},
 *       {@code StringTable}</td><td>"did you mean", never for a legitimate domain</td></tr>
 *   <tr><td>policy</td><td>{@link io.github.customeremail.PolicyRule}, {@link io.github.customeremail.RuleMode},
 *       {@link io.github.customeremail.ProviderRuleMode}; {@code Policy}, {@code PolicySettings}, {@code
 *       DomainListRule}, {@code DisposableDomainRule}, {@code RoleAccountRule}, {@code ProviderMailboxRule},
 *       {@code NonAsciiLocalPartRule}, {@code ConfigurationFile}</td><td>the company's rules, cheapest first</td></tr>
 *   <tr><td>mail domain</td><td>{@link io.github.customeremail.MailDomainChecker} (a port: module {@code
 *       customer-email-dns} implements it), {@link io.github.customeremail.MailDomainStatus}</td><td>optional MX
 *       check under a deadline</td></tr>
 *   <tr><td>result</td><td>{@link io.github.customeremail.EmailCheck}, {@link io.github.customeremail.Verdict},
 *       {@link io.github.customeremail.Suggestion}, {@link io.github.customeremail.Finding}, {@link
 *       io.github.customeremail.FindingCode} (with its {@link io.github.customeremail.FindingCode.Category}), {@link
 *       io.github.customeremail.Severity}; {@code Findings}, {@code Messages} (bundles {@code messages*.properties}:
 *       English, Spanish, Brazilian Portuguese)</td><td>what the caller reads</td></tr>
 * </table>
 *
 * <h2>Public API</h2>
 * Build a {@link io.github.customeremail.CustomerEmailValidator} (configured with its builder, a {@code
 * customer-email.properties} file, or {@link java.util.Properties}; bad settings throw {@link
 * io.github.customeremail.ConfigurationException}) and read {@link io.github.customeremail.EmailCheck}s. Switch on
 * {@link io.github.customeremail.Verdict} and on {@link io.github.customeremail.FindingCode}s; add rules with
 * {@link io.github.customeremail.PolicyRule}; plug a mail-domain check in through {@link
 * io.github.customeremail.MailDomainChecker}. The stages' own public types ({@link
 * io.github.customeremail.Normalizer}, {@link io.github.customeremail.AddressParser} and their results) can be used
 * alone, e.g. to judge syntax without repairs. Everything else is package-private.
 */
package io.github.customeremail;
