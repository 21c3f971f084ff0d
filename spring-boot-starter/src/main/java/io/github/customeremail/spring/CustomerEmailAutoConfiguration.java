package io.github.customeremail.spring;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.MailDomainChecker;
import io.github.customeremail.SuppressionList;
import io.github.customeremail.dns.DnsMailDomainChecker;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link CustomerEmailValidator} from the {@code customer-email.*} properties, an optional
 * {@link DnsMailDomainChecker} ({@code customer-email.dns.enabled=true}), and hands the validator to Bean
 * Validation so that {@code @ValidCustomerEmail} uses it. Every bean backs off when the application declares its
 * own.
 */
@AutoConfiguration(before = ValidationAutoConfiguration.class)
@EnableConfigurationProperties(CustomerEmailProperties.class)
public class CustomerEmailAutoConfiguration {

    /** The validator waits this much longer than the checker, so that the checker's own deadline decides. */
    private static final Duration OUTER_DEADLINE_MARGIN = Duration.ofMillis(500);

    /**
     * @param properties the bound properties
     * @param customizers applied after the properties
     * @return the DNS checker; closed with the application context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(MailDomainChecker.class)
    @ConditionalOnProperty(prefix = "customer-email.dns", name = "enabled", havingValue = "true")
    public DnsMailDomainChecker customerEmailDnsChecker(CustomerEmailProperties properties,
                                                        ObjectProvider<DnsMailDomainCheckerCustomizer> customizers) {
        CustomerEmailProperties.Dns dns = properties.getDns();
        DnsMailDomainChecker.Builder builder = DnsMailDomainChecker.builder();
        DnsServers.parse(dns.getServers()).forEach(builder::server);
        Settings.apply("customer-email.dns.deadline", dns.getDeadline(), builder::deadline);
        Settings.apply("customer-email.dns.cache.max-size", dns.getCache().getMaxSize(), builder::maximumCacheSize);
        Settings.applyIfSet("customer-email.dns.indeterminate-ttl", dns.getIndeterminateTtl(),
                builder::indeterminateTtl);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new InvalidCustomerEmailPropertyException(DnsServers.PROPERTY, dns.getServers(), e.getMessage(), e);
        }
    }

    /**
     * The validator is not closed with the context: its {@link MailDomainChecker} is a bean of its own, closed by
     * the context.
     *
     * @param properties the bound properties
     * @param mailDomainChecker the checker bean, if any (the auto-configured DNS checker or the application's)
     * @param suppressionList the application's suppression list bean, if any (consulted on every check)
     * @param customizers applied after the properties
     * @return the validator
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public CustomerEmailValidator customerEmailValidator(CustomerEmailProperties properties,
                                                         ObjectProvider<MailDomainChecker> mailDomainChecker,
                                                         ObjectProvider<SuppressionList> suppressionList,
                                                         ObjectProvider<CustomerEmailValidatorCustomizer> customizers) {
        CustomerEmailValidator.Builder builder = CustomerEmailValidator.builder().configureFromClasspath();
        apply(properties, builder);
        suppressionList.ifUnique(builder::suppressionList);
        MailDomainChecker checker = mailDomainChecker.getIfUnique();
        if (checker != null) {
            builder.mailDomainChecker(checker);
            CustomerEmailProperties.Dns dns = properties.getDns();
            Settings.apply("customer-email.dns.failure-verdict", dns.getFailureVerdict(), builder::dnsFailureVerdict);
            Settings.apply("customer-email.dns.deadline", dns.getDeadline(),
                    d -> builder.mailCheckDeadline(d.plus(OUTER_DEADLINE_MARGIN)));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    private static void apply(CustomerEmailProperties p, CustomerEmailValidator.Builder b) {
        Settings.applyList("customer-email.corporate-domains", p.getCorporateDomains(), b::corporateDomains);
        Settings.applyList("customer-email.blocked-domains", p.getBlockedDomains(), b::blockedDomains);
        Settings.applyList("customer-email.allowed-domains", p.getAllowedDomains(), b::allowedDomains);
        Settings.applyList("customer-email.disposable.extra-domains", p.getDisposable().getExtraDomains(),
                b::disposableDomains);
        Settings.applyList("customer-email.extra-top-level-domains", p.getExtraTopLevelDomains(),
                b::extraTopLevelDomains);
        Settings.applyList("customer-email.known-domains", p.getKnownDomains(), d -> b.knownDomains(List.of(d)));
        Settings.applyIfSet("customer-email.disposable.check", p.getDisposable().getCheck(),
                b::disposableDomainCheck);
        Settings.applyIfSet("customer-email.role-accounts", p.getRoleAccounts(), b::roleAccounts);
        Settings.applyIfSet("customer-email.provider-rules", p.getProviderRules(), b::providerRules);
        Settings.applyIfSet("customer-email.non-ascii-local-part", p.getNonAsciiLocalPart(), b::nonAsciiLocalPart);
        Settings.applyIfSet("customer-email.lowercase-local-part", p.getLowercaseLocalPart(), b::lowercaseLocalPart);
        Settings.applyIfSet("customer-email.typo-correction", p.getTypoCorrection(), b::typoCorrection);
    }

    /**
     * Hands the validator to Hibernate Validator as its constraint validator payload, which
     * {@code ValidCustomerEmailValidator} uses: MVC, method validation and (with
     * {@link CustomerEmailJpaAutoConfiguration}) JPA all validate with it. Spring's constraint validator factory
     * cannot inject it by itself, because {@code ValidCustomerEmailValidator} has two constructors.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HibernateValidatorConfiguration.class, ValidationConfigurationCustomizer.class})
    static class BeanValidationConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "customerEmailValidationConfigurationCustomizer")
        ValidationConfigurationCustomizer customerEmailValidationConfigurationCustomizer(
                ObjectProvider<CustomerEmailValidator> validator) {
            return configuration -> {
                if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                    validator.ifUnique(hibernate::constraintValidatorPayload);
                }
            };
        }
    }
}
