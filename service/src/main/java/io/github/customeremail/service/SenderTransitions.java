package io.github.customeremail.service;

import io.github.customeremail.dns.SenderFinding;
import io.github.customeremail.dns.SenderReport;
import io.github.customeremail.dns.SenderStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the last status told of each check of each sending domain and says what changed, so that a problem is
 * logged once when it appears and once when it is fixed, not at every run.
 *
 * <p>A check that could not be verified ({@link SenderStatus#UNKNOWN}: a DNS hiccup, a blocklist that did not
 * answer) is not a change: the last status told stands until a real answer differs from it. A check seen for the
 * first time is told only when it is not OK; a check no longer reported (its record went away with another that
 * is told) is forgotten silently. Thread-safe.
 */
final class SenderTransitions {

    /**
     * One change to tell.
     *
     * @param domain  the sending domain
     * @param from    the status told before, or {@code null} the first time
     * @param finding the check now
     */
    record Change(String domain, SenderStatus from, SenderFinding finding) {
    }

    private final Map<String, Map<String, SenderStatus>> told = new HashMap<>();

    /**
     * @param report a domain's new report
     * @return the changes to tell, in the report's order
     */
    synchronized List<Change> update(SenderReport report) {
        Map<String, SenderStatus> before = told.getOrDefault(report.domain(), Map.of());
        Map<String, SenderStatus> now = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        for (SenderFinding f : report.checks()) {
            SenderStatus previous = before.get(f.name());
            SenderStatus status = f.status();
            if (previous == null) {
                if (status != SenderStatus.OK) {
                    changes.add(new Change(report.domain(), null, f));
                }
                now.put(f.name(), status);
            } else if (status == SenderStatus.UNKNOWN || status == previous) {
                now.put(f.name(), previous);
            } else {
                changes.add(new Change(report.domain(), previous, f));
                now.put(f.name(), status);
            }
        }
        told.put(report.domain(), now);
        return changes;
    }
}
