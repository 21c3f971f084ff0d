package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.SenderCode;
import io.github.customeremail.dns.SenderFinding;
import io.github.customeremail.dns.SenderReport;
import io.github.customeremail.dns.SenderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status of a run over several domains: the worst, with an error above what could not be verified. */
class SenderSnapshotTest {

    private static SenderReport report(String domain, SenderCode code) {
        return new SenderReport(domain, List.of(new SenderFinding("spf", SenderCode.SPF_FOUND, Map.of()),
                new SenderFinding("x", code, Map.of())));
    }

    private static SenderStatus status(SenderCode... codes) {
        List<SenderReport> reports = java.util.Arrays.stream(codes).map(c -> report("d.test", c)).toList();
        return new SenderWatch.Snapshot(Instant.EPOCH, reports).status();
    }

    @Test
    void theWorstDomainDecides() {
        assertThat(status(SenderCode.DMARC_FOUND, SenderCode.DMARC_FOUND)).isEqualTo(SenderStatus.OK);
        assertThat(status(SenderCode.DMARC_FOUND, SenderCode.DMARC_POLICY_NONE)).isEqualTo(SenderStatus.WARNING);
        assertThat(status(SenderCode.DMARC_POLICY_NONE, SenderCode.DMARC_UNKNOWN)).isEqualTo(SenderStatus.UNKNOWN);
        assertThat(status(SenderCode.DMARC_UNKNOWN, SenderCode.DMARC_MISSING, SenderCode.DMARC_FOUND))
                .isEqualTo(SenderStatus.ERROR);
    }
}
