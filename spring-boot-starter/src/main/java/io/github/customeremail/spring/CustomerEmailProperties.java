package io.github.customeremail.spring;

import io.github.customeremail.ProviderRuleMode;
import io.github.customeremail.RuleMode;
import io.github.customeremail.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code customer-email.*} application properties. Each maps onto one setting of
 * {@code CustomerEmailValidator.Builder} or {@code DnsMailDomainChecker.Builder}; a value those builders refuse stops
 * the application at startup with a message naming the property. A {@code customer-email.properties} file on the
 * classpath (the library's own format) is applied first: lists given here add to its lists, and values given here
 * replace its values.
 */
@ConfigurationProperties("customer-email")
public class CustomerEmailProperties {

    /**
     * The company's own domains: an address there or at any subdomain is refused (code CORPORATE_DOMAIN), because a
     * customer's own address is required.
     */
    private List<String> corporateDomains = new ArrayList<>();

    /** Domains refused with their subdomains (code BLOCKED_DOMAIN). */
    private List<String> blockedDomains = new ArrayList<>();

    /**
     * Allow-list: once any is given, addresses outside these domains and their subdomains are refused (code
     * DOMAIN_NOT_ALLOWED).
     */
    private List<String> allowedDomains = new ArrayList<>();

    /**
     * Domains added to the known-domain dictionary of the typo corrector, e.g. your big customers' mail domains: they
     * are never "corrected", and close misspellings of them get a suggestion.
     */
    private List<String> knownDomains = new ArrayList<>();

    /**
     * Top-level domains accepted although they are not in the bundled IANA list, e.g. a private network's TLD.
     */
    private List<String> extraTopLevelDomains = new ArrayList<>();

    /**
     * How role accounts (info@, ventas@, facturacion@…) are treated: off, warning or invalid. Default warning.
     */
    private RuleMode roleAccounts;

    /** Provider mailbox rules (Gmail, Outlook, Yahoo): off, warning, standard or strict. Default standard. */
    private ProviderRuleMode providerRules;

    /**
     * Local parts with non-ASCII letters (josé@…): off, warning or invalid. Default invalid (most senders, Amazon SES
     * included, cannot deliver there).
     */
    private RuleMode nonAsciiLocalPart;

    /** Whether the part before @ is lower-cased. Default true. */
    private Boolean lowercaseLocalPart;

    /** Whether mistyped domains get a "did you mean" suggestion (verdict SUGGEST). Default true. */
    private Boolean typoCorrection;

    private final Disposable disposable = new Disposable();

    private final Dns dns = new Dns();

    public List<String> getCorporateDomains() {
        return corporateDomains;
    }

    public void setCorporateDomains(List<String> corporateDomains) {
        this.corporateDomains = corporateDomains;
    }

    public List<String> getBlockedDomains() {
        return blockedDomains;
    }

    public void setBlockedDomains(List<String> blockedDomains) {
        this.blockedDomains = blockedDomains;
    }

    public List<String> getAllowedDomains() {
        return allowedDomains;
    }

    public void setAllowedDomains(List<String> allowedDomains) {
        this.allowedDomains = allowedDomains;
    }

    public List<String> getKnownDomains() {
        return knownDomains;
    }

    public void setKnownDomains(List<String> knownDomains) {
        this.knownDomains = knownDomains;
    }

    public List<String> getExtraTopLevelDomains() {
        return extraTopLevelDomains;
    }

    public void setExtraTopLevelDomains(List<String> extraTopLevelDomains) {
        this.extraTopLevelDomains = extraTopLevelDomains;
    }

    public RuleMode getRoleAccounts() {
        return roleAccounts;
    }

    public void setRoleAccounts(RuleMode roleAccounts) {
        this.roleAccounts = roleAccounts;
    }

    public ProviderRuleMode getProviderRules() {
        return providerRules;
    }

    public void setProviderRules(ProviderRuleMode providerRules) {
        this.providerRules = providerRules;
    }

    public RuleMode getNonAsciiLocalPart() {
        return nonAsciiLocalPart;
    }

    public void setNonAsciiLocalPart(RuleMode nonAsciiLocalPart) {
        this.nonAsciiLocalPart = nonAsciiLocalPart;
    }

    public Boolean getLowercaseLocalPart() {
        return lowercaseLocalPart;
    }

    public void setLowercaseLocalPart(Boolean lowercaseLocalPart) {
        this.lowercaseLocalPart = lowercaseLocalPart;
    }

    public Boolean getTypoCorrection() {
        return typoCorrection;
    }

    public void setTypoCorrection(Boolean typoCorrection) {
        this.typoCorrection = typoCorrection;
    }

    public Disposable getDisposable() {
        return disposable;
    }

    public Dns getDns() {
        return dns;
    }

    /** Disposable (throw-away) mail domains. */
    public static class Disposable {

        /** Whether addresses at disposable-mail domains are refused (code DISPOSABLE_DOMAIN). Default true. */
        private Boolean check;

        /** Domains added, with their subdomains, to the bundled list of disposable-mail domains. */
        private List<String> extraDomains = new ArrayList<>();

        public Boolean getCheck() {
            return check;
        }

        public void setCheck(Boolean check) {
            this.check = check;
        }

        public List<String> getExtraDomains() {
            return extraDomains;
        }

        public void setExtraDomains(List<String> extraDomains) {
            this.extraDomains = extraDomains;
        }
    }

    /** The mail-domain (MX) check through DNS. */
    public static class Dns {

        /**
         * Whether CustomerEmailValidator.check asks DNS whether the domain can receive mail. @ValidCustomerEmail
         * asks only with checkMx = true.
         */
        private boolean enabled;

        /**
         * DNS servers to ask, as IP[:port] ([IPv6]:port for a port with IPv6); none means the system's resolvers.
         */
        private List<String> servers = new ArrayList<>();

        /** Hard deadline of one domain lookup, MX hosts included. */
        private Duration deadline = Duration.ofSeconds(2);

        /**
         * What a DNS failure (timeout, SERVFAIL…) means: unknown (fail-open, save and re-check later) or invalid
         * (fail-closed).
         */
        private Verdict failureVerdict = Verdict.UNKNOWN;

        /**
         * How long a domain whose DNS did not answer (timeout, SERVFAIL) stays UNKNOWN in the cache before it is asked
         * again. Default 30s; 0s asks again on every check.
         */
        private Duration indeterminateTtl;

        private final Cache cache = new Cache();

        private final Health health = new Health();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getServers() {
            return servers;
        }

        public void setServers(List<String> servers) {
            this.servers = servers;
        }

        public Duration getDeadline() {
            return deadline;
        }

        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }

        public Verdict getFailureVerdict() {
            return failureVerdict;
        }

        public void setFailureVerdict(Verdict failureVerdict) {
            this.failureVerdict = failureVerdict;
        }

        public Duration getIndeterminateTtl() {
            return indeterminateTtl;
        }

        public void setIndeterminateTtl(Duration indeterminateTtl) {
            this.indeterminateTtl = indeterminateTtl;
        }

        public Cache getCache() {
            return cache;
        }

        public Health getHealth() {
            return health;
        }
    }

    /** The cache of DNS answers (entries expire with the DNS TTL). */
    public static class Cache {

        /** The most domains kept in the cache. */
        private long maxSize = 10_000;

        public long getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(long maxSize) {
            this.maxSize = maxSize;
        }
    }

    /** The Actuator health indicator of the DNS check ({@code customerEmailDns}). */
    public static class Health {

        /**
         * The domain whose MX record the health indicator asks for: UP when the DNS servers answer it (an answer that
         * the domain does not exist counts as an answer).
         */
        private String canaryDomain = "gmail.com";

        public String getCanaryDomain() {
            return canaryDomain;
        }

        public void setCanaryDomain(String canaryDomain) {
            this.canaryDomain = canaryDomain;
        }
    }
}
