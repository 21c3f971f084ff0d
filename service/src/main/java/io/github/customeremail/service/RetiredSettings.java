package io.github.customeremail.service;

import io.github.customeremail.spring.InvalidCustomerEmailPropertyException;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the service when a setting of its first versions is still given: those keys are now the starter's, and
 * ignoring them would silently change what the service does (an old {@code customer-email.dns=off} would leave the
 * MX check on).
 */
@Component
class RetiredSettings {

    private static final Map<String, String> REPLACED_BY = Map.of(
            "customer-email.dns", "customer-email.dns.enabled (true|false) and customer-email.dns.servers (IP[:PORT])",
            "customer-email.extra-tlds", "customer-email.extra-top-level-domains",
            "customer-email.dns-indeterminate-ttl", "customer-email.dns.indeterminate-ttl");

    RetiredSettings(Environment environment) {
        REPLACED_BY.forEach((retired, replacement) -> {
            String value = environment.getProperty(retired);
            if (value != null) {
                throw new InvalidCustomerEmailPropertyException(retired, value,
                        "this setting was replaced by " + replacement, null);
            }
        });
    }
}
