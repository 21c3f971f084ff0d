package io.github.customeremail.spring;

import io.github.customeremail.dns.DnsMailDomainChecker;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link CustomerEmailMetrics} when Micrometer is on the classpath: Spring Boot binds it to the application's
 * {@code MeterRegistry}, and two customizers connect it to the validator and the DNS checker.
 */
@AutoConfiguration(before = CustomerEmailAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
public class CustomerEmailMetricsAutoConfiguration {

    /**
     * @param dnsChecker the DNS checker, if any
     * @return the meters
     */
    @Bean
    @ConditionalOnMissingBean
    public CustomerEmailMetrics customerEmailMetrics(ObjectProvider<DnsMailDomainChecker> dnsChecker) {
        return new CustomerEmailMetrics(dnsChecker);
    }

    /**
     * @param metrics the meters
     * @return a customizer that counts every check of the auto-configured validator
     */
    @Bean
    @ConditionalOnMissingBean(name = "customerEmailMetricsValidatorCustomizer")
    public CustomerEmailValidatorCustomizer customerEmailMetricsValidatorCustomizer(CustomerEmailMetrics metrics) {
        return builder -> builder.checkListener(metrics::record);
    }

    /**
     * @param metrics the meters
     * @return a customizer that times every lookup of the auto-configured DNS checker
     */
    @Bean
    @ConditionalOnMissingBean(name = "customerEmailMetricsDnsCustomizer")
    public DnsMailDomainCheckerCustomizer customerEmailMetricsDnsCustomizer(CustomerEmailMetrics metrics) {
        return builder -> builder.lookupListener(metrics::lookupEnded);
    }
}
