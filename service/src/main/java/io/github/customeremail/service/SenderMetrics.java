package io.github.customeremail.service;

import io.github.customeremail.dns.SenderDomain;
import io.github.customeremail.dns.SenderFinding;
import io.github.customeremail.dns.SenderReport;
import io.github.customeremail.dns.SenderStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Micrometer gauges of the last sender-readiness run, per configured domain (tag {@code domain}) and status (tag
 * {@code status}: ok, warning, error, unknown):
 * <ul>
 *   <li>{@code customer.email.sender.status}: 1 for the domain's overall status, 0 for the others (alert on
 *       {@code status="error"} being 1);</li>
 *   <li>{@code customer.email.sender.checks}: how many of the domain's checks have that status.</li>
 * </ul>
 * Before the first run has finished every gauge is 0.
 */
@Component
class SenderMetrics implements MeterBinder {

    private final SenderWatch watch;

    SenderMetrics(SenderWatch watch) {
        this.watch = watch;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SenderDomain d : watch.domains()) {
            for (SenderStatus status : SenderStatus.values()) {
                Gauge.builder("customer.email.sender.status", this,
                                m -> m.report(d.domain()).filter(r -> r.status() == status).isPresent() ? 1 : 0)
                        .tag("domain", d.domain()).tag("status", status.id())
                        .description("1 when the sending domain's last readiness status is this one")
                        .register(registry);
                Gauge.builder("customer.email.sender.checks", this, m -> m.report(d.domain())
                                .map(r -> r.checks().stream().map(SenderFinding::status).filter(status::equals).count())
                                .orElse(0L))
                        .tag("domain", d.domain()).tag("status", status.id())
                        .description("Checks of the sending domain with this status in the last run")
                        .register(registry);
            }
        }
    }

    private Optional<SenderReport> report(String domain) {
        return watch.last().flatMap(s -> s.reports().stream().filter(r -> r.domain().equals(domain)).findFirst());
    }
}
