package io.github.customeremail.spring;

import io.github.customeremail.dns.DnsMailDomainChecker;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator health indicator {@code customerEmailDns} ({@link DnsHealthIndicator}), when Spring Boot's health
 * module is on the classpath and the DNS check is on. Switch it off with
 * {@code management.health.customeremail.enabled=false}.
 */
@AutoConfiguration(after = CustomerEmailAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(DnsMailDomainChecker.class)
@ConditionalOnEnabledHealthIndicator("customeremail")
public class CustomerEmailHealthAutoConfiguration {

    /**
     * @param checker the DNS checker
     * @param properties the bound properties (servers, deadline, canary domain)
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "customerEmailDnsHealthIndicator")
    public DnsHealthIndicator customerEmailDnsHealthIndicator(DnsMailDomainChecker checker,
                                                              CustomerEmailProperties properties) {
        CustomerEmailProperties.Dns dns = properties.getDns();
        return new DnsHealthIndicator(checker, DnsServers.parse(dns.getServers()),
                dns.getHealth().getCanaryDomain(), dns.getDeadline());
    }
}
