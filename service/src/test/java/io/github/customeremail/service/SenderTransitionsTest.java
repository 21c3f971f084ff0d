package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.SenderCode;
import io.github.customeremail.dns.SenderFinding;
import io.github.customeremail.dns.SenderReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the watch tells: each change once; unknown is no change. */
class SenderTransitionsTest {

    private static SenderReport report(SenderCode dmarc, SenderCode spf) {
        return new SenderReport("tumatera.com", List.of(new SenderFinding("spf", spf, Map.of()),
                new SenderFinding("dmarc", dmarc, Map.of())));
    }

    private static List<String> told(SenderTransitions t, SenderCode dmarc, SenderCode spf) {
        return t.update(report(dmarc, spf)).stream()
                .map(c -> c.finding().name() + ":" + (c.from() == null ? "-" : c.from().id()) + ">"
                        + c.finding().status().id())
                .toList();
    }

    @Test
    void eachChangeIsToldOnceAndUnknownIsNoChange() {
        SenderTransitions t = new SenderTransitions();
        assertThat(told(t, SenderCode.DMARC_MISSING, SenderCode.SPF_FOUND)).containsExactly("dmarc:->error");
        assertThat(told(t, SenderCode.DMARC_MISSING, SenderCode.SPF_FOUND)).isEmpty();
        assertThat(told(t, SenderCode.DMARC_UNKNOWN, SenderCode.SPF_UNKNOWN)).isEmpty();
        assertThat(told(t, SenderCode.DMARC_MISSING, SenderCode.SPF_FOUND)).as("still the error told before")
                .isEmpty();
        assertThat(told(t, SenderCode.DMARC_FOUND, SenderCode.SPF_MULTIPLE))
                .containsExactly("spf:ok>error", "dmarc:error>ok");
        assertThat(told(t, SenderCode.DMARC_FOUND, SenderCode.SPF_MULTIPLE)).isEmpty();
    }

    @Test
    void aCheckFirstSeenUnknownIsToldOnceAndAgainWhenAnswered() {
        SenderTransitions t = new SenderTransitions();
        assertThat(told(t, SenderCode.DMARC_UNKNOWN, SenderCode.SPF_FOUND)).containsExactly("dmarc:->unknown");
        assertThat(told(t, SenderCode.DMARC_UNKNOWN, SenderCode.SPF_FOUND)).isEmpty();
        assertThat(told(t, SenderCode.DMARC_FOUND, SenderCode.SPF_FOUND)).containsExactly("dmarc:unknown>ok");
    }
}
