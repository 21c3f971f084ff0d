package io.github.customeremail.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The DNS health indicator against real DNS servers on 127.0.0.1: one that answers, one that fails, one silent. */
class DnsHealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CustomerEmailAutoConfiguration.class,
                    CustomerEmailHealthAutoConfiguration.class))
            .withPropertyValues("customer-email.dns.enabled=true",
                    "customer-email.dns.health.canary-domain=example.test");

    /** Generous: an answering server must never be taken for a silent one on a busy machine. */
    private Health health(String servers) {
        return health(servers, "10s");
    }

    private Health health(String servers, String deadline) {
        Health[] out = new Health[1];
        runner.withPropertyValues("customer-email.dns.servers=" + servers, "customer-email.dns.deadline=" + deadline)
                .run(context -> out[0] = context.getBean("customerEmailDnsHealthIndicator", HealthIndicator.class)
                        .health());
        return out[0];
    }

    @Test
    void upWhenTheServerAnswersTheCanary() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44");
            Health health = health("127.0.0.1:" + dns.port());
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("answer", "NOERROR").containsEntry("canary", "example.test")
                    .containsKeys("cacheHits", "cacheMisses", "cachedDomains", "cacheEvictions", "lookupTimeouts");
        }
    }

    @Test
    void aNonexistentCanaryStillMeansTheServerAnswers() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            Health health = health("127.0.0.1:" + dns.port());
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("answer", "NXDOMAIN");
        }
    }

    @Test
    void downWhenTheServerFails() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.mx("example.test", 10, "mail.example.test").fault("example.test", Fault.servfail());
            Health health = health("127.0.0.1:" + dns.port());
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", "the DNS server answered SERVFAIL");
        }
    }

    @Test
    void downWhenTheServerIsSilent() throws Exception {
        // A bound UDP port that never answers (and no TCP listener behind it).
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Health health = health("127.0.0.1:" + silent.getLocalPort(), "500ms");
            assertThat(health.getStatus()).isNotEqualTo(Status.UP).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason")).asString().startsWith("no answer");
        }
    }

    @Test
    void noIndicatorWithoutTheDnsCheck() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CustomerEmailAutoConfiguration.class,
                        CustomerEmailHealthAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("customerEmailDnsHealthIndicator"));
    }
}
