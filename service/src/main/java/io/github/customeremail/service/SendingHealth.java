package io.github.customeremail.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sending health from summed sending statistics: hard-bounce and complaint rates of the recipients mailed and the
 * resulting state. Temporary bounces and sender-side rejections count as mailed but not as hard bounces; SES
 * suppression-list bounces are not mail that was sent.
 */
final class SendingHealth {

    private SendingHealth() {
    }

    /**
     * @param totals     sums by column of {@code sending_day}
     * @param thresholds the warning and critical rates
     * @return the view: state, rates and counts
     */
    static Map<String, Object> of(Map<String, Integer> totals, ServiceProperties.Health thresholds) {
        int hard = totals.get("mailbox_missing") + totals.get("permanent_other");
        int mailed = totals.get("deliveries") + hard + totals.get("transient") + totals.get("sender_rejections");
        double bounceRate = mailed == 0 ? 0 : (double) hard / mailed;
        double complaintRate = mailed == 0 ? 0 : (double) totals.get("complaints") / mailed;
        String state;
        if (bounceRate >= thresholds.bounceCritical() || complaintRate >= thresholds.complaintCritical()) {
            state = "critical";
        } else if (bounceRate >= thresholds.bounceWarning() || complaintRate >= thresholds.complaintWarning()) {
            state = "warning";
        } else {
            state = "ok";
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("state", state);
        v.put("recipientsMailed", mailed);
        v.put("hardBounces", hard);
        v.put("bounceRate", bounceRate);
        v.put("complaints", totals.get("complaints"));
        v.put("complaintRate", complaintRate);
        v.put("transientBounces", totals.get("transient"));
        v.put("senderRejections", totals.get("sender_rejections"));
        v.put("sesSuppressed", totals.get("ses_suppressed"));
        return v;
    }
}
