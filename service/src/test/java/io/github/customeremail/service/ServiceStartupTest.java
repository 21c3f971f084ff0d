package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The service's validator comes from the starter: a setting it cannot use stops the service at start, and the
 * failure report names the setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceStartupTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "customer-email.dns.servers=dns.internal            | customer-email.dns.servers          | not an IP address",
        "customer-email.dns.indeterminate-ttl=-5s           | customer-email.dns.indeterminate-ttl | negative",
        "customer-email.corporate-domains=no es un dominio  | customer-email.corporate-domains    | no es un dominio",
        "customer-email.service.max-batch=0                 | customer-email.service.max-batch    | 1..10000",
        "customer-email.dns=off                             | customer-email.dns                  | customer-email.dns.enabled",
        "customer-email.extra-tlds=test                     | customer-email.extra-tlds           | extra-top-level-domains"})
    void aSettingTheServiceCannotUseStopsItNamingTheSetting(String setting, String property, String detail,
                                                             CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CustomerEmailService.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1",
                        "spring.main.banner-mode=off", setting)
                .run().close())
                .isInstanceOf(Exception.class);
        assertThat(output).contains("APPLICATION FAILED TO START").contains(property).contains(detail);
    }
}
