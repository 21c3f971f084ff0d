package io.github.customeremail.service.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wrong Odoo setting stops the service with a message naming it. */
class OdooPropertiesTest {

    private static final OdooProperties.Outbox OUTBOX = new OdooProperties.Outbox(Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofHours(1), 50, Duration.ofMinutes(5), Duration.ofDays(30));
    private static final OdooProperties.Recheck RECHECK = new OdooProperties.Recheck(3, Duration.ofMinutes(10));

    private static OdooProperties odoo(String url, String database, String key, String protocol, String language,
                                       String secret) {
        return new OdooProperties(url, database, "audit@example.com", key, protocol, Duration.ofSeconds(30), language,
                secret, OUTBOX, RECHECK);
    }

    @Test
    void noUrlMeansNoOdoo() {
        OdooProperties none = odoo("", "", "", "auto", "es", "");
        assertThat(none.enabled()).isFalse();
    }

    @Test
    void eachWrongSettingIsNamed() {
        assertThatThrownBy(() -> odoo("https://erp.ejemplo.com", "", "k", "auto", "es", ""))
                .hasMessageContaining("customer-email.odoo.database");
        assertThatThrownBy(() -> odoo("https://erp.ejemplo.com", "prod", "", "auto", "es", ""))
                .hasMessageContaining("customer-email.odoo.api-key");
        assertThatThrownBy(() -> odoo("ftp://erp.ejemplo.com", "prod", "k", "auto", "es", ""))
                .hasMessageContaining("customer-email.odoo.url");
        assertThatThrownBy(() -> odoo("https://erp.ejemplo.com", "prod", "k", "soap", "es", ""))
                .hasMessageContaining("customer-email.odoo.protocol");
        assertThatThrownBy(() -> odoo("https://erp.ejemplo.com", "prod", "k", "auto", "fr", ""))
                .hasMessageContaining("customer-email.odoo.language");
        assertThatThrownBy(() -> odoo("https://erp.ejemplo.com", "prod", "k", "auto", "es", "short"))
                .hasMessageContaining("customer-email.odoo.webhook-secret");
        assertThatThrownBy(() -> odoo("", "", "", "auto", "es", "a-secret-of-more-than-24-characters"))
                .hasMessageContaining("customer-email.odoo.url");
        assertThatThrownBy(() -> new OdooProperties.Outbox(Duration.ofSeconds(10), Duration.ofHours(2),
                Duration.ofHours(1), 50, Duration.ofMinutes(5), Duration.ofDays(30)))
                .hasMessageContaining("customer-email.odoo.outbox.max-retry");
        assertThatThrownBy(() -> new OdooProperties.Recheck(11, Duration.ofMinutes(10)))
                .hasMessageContaining("customer-email.odoo.recheck.attempts");
        assertThatThrownBy(() -> new OdooProperties.Recheck(3, Duration.ZERO))
                .hasMessageContaining("customer-email.odoo.recheck.first-delay");
    }

    @Test
    void theBackoffDoublesUpToItsCeilingAndNeverGivesUp() {
        OdooOutboxWorker worker = new OdooOutboxWorker(null, null, null, OUTBOX, RECHECK, java.time.Clock.systemUTC());
        assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(worker.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(worker.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(worker.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(worker.backoff(1000)).isEqualTo(Duration.ofHours(1));
        assertThat(worker.recheckDelay(1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(worker.recheckDelay(3)).isEqualTo(Duration.ofMinutes(40));
    }
}
