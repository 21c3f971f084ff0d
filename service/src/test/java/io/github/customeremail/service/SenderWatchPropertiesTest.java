package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code customer-email.sender.*}: a bad value stops the start with a message naming the setting. */
class SenderWatchPropertiesTest {

    private static SenderWatchProperties.Domain domain(String name, String mailFrom, String... ips) {
        return new SenderWatchProperties.Domain(name, List.of("s1"), "us-east-1", List.of(), mailFrom, List.of(ips));
    }

    private static SenderWatchProperties of(List<SenderWatchProperties.Domain> domains, List<String> zones,
                                            String dns, Duration interval) {
        return new SenderWatchProperties(domains, zones, dns, interval, Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofSeconds(10), "es");
    }

    @Test
    void aGoodSetupBecomesTheCheckedDomains() {
        SenderWatchProperties p = of(List.of(domain("Tumatera.com", "rebote", "203.0.113.7")),
                List.of("dbl.spamhaus.org"), "127.0.0.1:5353", Duration.ofHours(1));
        assertThat(p.senderDomains()).hasSize(1);
        assertThat(p.senderDomains().get(0).domain()).isEqualTo("tumatera.com");
        assertThat(p.senderDomains().get(0).mailFrom()).contains("rebote.tumatera.com");
    }

    @Test
    void badValuesNameTheirSetting() {
        Duration hour = Duration.ofHours(1);
        assertThatThrownBy(() -> of(List.of(domain("ok.test", ""), domain("bad..test", "")), List.of(), "system",
                hour)).hasMessageStartingWith("customer-email.sender.domains[1].domain: not a valid domain name");
        assertThatThrownBy(() -> of(List.of(domain("ok.test", "-rebote")), List.of(), "system", hour))
                .hasMessageStartingWith("customer-email.sender.domains[0].mail-from: not a valid domain name");
        assertThatThrownBy(() -> of(List.of(domain("ok.test", "", "not-an-ip")), List.of(), "system", hour))
                .hasMessageStartingWith("customer-email.sender.domains[0].sending-ip");
        assertThatThrownBy(() -> of(List.of(domain(null, "")), List.of(), "system", hour))
                .hasMessage("customer-email.sender.domains[0].name is required");
        assertThatThrownBy(() -> of(List.of(domain("ok.test", ""), domain("OK.test", "")), List.of(), "system",
                hour)).hasMessageContaining("domains[1].name: ok.test is configured twice");
        assertThatThrownBy(() -> of(List.of(), List.of("not a zone"), "system", hour))
                .hasMessageStartingWith("customer-email.sender.blocklists");
        assertThatThrownBy(() -> of(List.of(), List.of(), "dns.example.test", hour))
                .hasMessageStartingWith("customer-email.sender.dns must be system");
        assertThatThrownBy(() -> of(List.of(), List.of(), "127.0.0.1:99999", hour))
                .hasMessageContaining("not a port");
        assertThatThrownBy(() -> of(List.of(), List.of(), "system", Duration.ZERO))
                .hasMessageStartingWith("customer-email.sender.interval must be positive");
    }
}
