package io.github.customeremail.service;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.dns.DnsMailDomainChecker;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link CustomerEmailValidator} the service checks with, from a few {@code customer-email.*}
 * properties, and hands it the store's cached suppression view.
 *
 * <p>Replaced by the starter ({@code customer-email-spring-boot-starter}) when it lands: then this class goes,
 * the starter's auto-configured validator is used, and only the suppression list is contributed from here.
 */
@Configuration(proxyBeanMethods = false)
class ValidatorConfiguration {

    /**
     * @param dns              {@code system} (the machine's resolvers), {@code off}, or {@code HOST:PORT} of a DNS
     *                         server given by IP address
     * @param corporateDomains the company's own domains, refused as customer addresses
     * @param extraTlds        top-level domains accepted beyond IANA's list (a private network's)
     * @param indeterminateTtl how long a domain whose DNS could not answer stays UNKNOWN before it is asked again
     * @param suppressions     the store's cached view
     * @return the validator; closed (with its DNS checker) on shutdown
     */
    @Bean(destroyMethod = "close")
    CustomerEmailValidator customerEmailValidator(@Value("${customer-email.dns:system}") String dns,
                                                  @Value("${customer-email.corporate-domains:}") List<String> corporateDomains,
                                                  @Value("${customer-email.extra-tlds:}") List<String> extraTlds,
                                                  @Value("${customer-email.dns-indeterminate-ttl:30s}")
                                                  java.time.Duration indeterminateTtl,
                                                  SuppressionCache suppressions) {
        CustomerEmailValidator.Builder builder = CustomerEmailValidator.builder().suppressionList(suppressions);
        for (String tld : extraTlds) {
            if (!tld.isBlank()) {
                builder.extraTopLevelDomains(tld.strip()); // e.g. "test" for a test DNS server's zone
            }
        }
        for (String d : corporateDomains) {
            if (!d.isBlank()) {
                builder.corporateDomain(d.strip());
            }
        }
        String setting = dns.strip();
        if (setting.equals("system")) {
            builder.mailDomainChecker(DnsMailDomainChecker.builder().indeterminateTtl(indeterminateTtl).build());
        } else if (!setting.equals("off")) {
            int colon = setting.lastIndexOf(':');
            if (colon <= 0 || setting.indexOf(':') != colon) {
                throw new IllegalArgumentException("customer-email.dns must be system, off or IPv4:PORT, got '"
                        + dns + "'");
            }
            int port;
            try {
                port = Integer.parseInt(setting.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("customer-email.dns: bad port in '" + dns + "'", e);
            }
            builder.mailDomainChecker(DnsMailDomainChecker.builder().server(setting.substring(0, colon), port)
                    .indeterminateTtl(indeterminateTtl).build());
        }
        return builder.build();
    }
}
