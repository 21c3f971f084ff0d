package io.github.customeremail.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** A wrong property stops the application at startup, with Spring Boot's failure report naming it. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "customer-email.corporate-domains=not a domain  | customer-email.corporate-domains | not a domain",
        "customer-email.known-domains=gmail.invalidtld  | customer-email.known-domains      | gmail.invalidtld",
        "customer-email.dns.servers=dns.example.com     | customer-email.dns.servers        | not an IP address",
        "customer-email.dns.servers=127.0.0.1:99999     | customer-email.dns.servers        | port",
        "customer-email.dns.deadline=0s                 | customer-email.dns.deadline       | positive",
        "customer-email.dns.cache.max-size=0            | customer-email.dns.cache.max-size | positive",
        "customer-email.dns.indeterminate-ttl=-1s       | customer-email.dns.indeterminate-ttl | negative",
        "customer-email.dns.failure-verdict=valid       | customer-email.dns.failure-verdict | UNKNOWN or INVALID",
        "customer-email.role-accounts=sometimes         | customer-email.role-accounts      | sometimes"})
    void aWrongPropertyStopsTheStartupNamingTheProperty(String setting, String property, String detail,
                                                         CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("customer-email.dns.enabled=true", "customer-email.dns.servers=127.0.0.1:9",
                        "spring.main.banner-mode=off", "spring.jpa.open-in-view=false", setting)
                .run().close())
                .isInstanceOf(Exception.class);
        assertThat(output).contains("APPLICATION FAILED TO START").contains(property).contains(detail);
    }
}
