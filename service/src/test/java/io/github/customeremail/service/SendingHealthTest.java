package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SendingHealthTest {

    private static final ServiceProperties.Health DEFAULTS = new ServiceProperties.Health(0.04, 0.08, 0.001, 0.005);

    private static Map<String, Object> health(int deliveries, int missing, int other, int transientBounces,
                                              int senderRejections, int complaints) {
        return SendingHealth.of(Map.of("deliveries", deliveries, "mailbox_missing", missing, "permanent_other", other,
                "transient", transientBounces, "sender_rejections", senderRejections, "ses_suppressed", 7,
                "complaints", complaints), DEFAULTS);
    }

    @Test
    void statesFollowTheBounceAndComplaintThresholds() {
        assertThat(health(0, 0, 0, 0, 0, 0)).containsEntry("state", "ok").containsEntry("bounceRate", 0.0);
        assertThat(health(961, 39, 0, 0, 0, 0)).containsEntry("state", "ok");        // 3.9 %
        assertThat(health(960, 30, 10, 0, 0, 0)).containsEntry("state", "warning");  // 4 %
        assertThat(health(920, 80, 0, 0, 0, 0)).containsEntry("state", "critical");  // 8 %
        assertThat(health(1000, 0, 0, 0, 0, 1)).containsEntry("state", "warning");   // 0.1 % complaints
        assertThat(health(1000, 0, 0, 0, 0, 5)).containsEntry("state", "critical");  // 0.5 % complaints
    }

    @Test
    void senderRejectionsAndTemporaryBouncesAreMailedButNotHardBounces() {
        Map<String, Object> h = health(900, 0, 0, 50, 50, 0);
        assertThat(h).containsEntry("state", "ok").containsEntry("recipientsMailed", 1000)
                .containsEntry("hardBounces", 0).containsEntry("senderRejections", 50)
                .containsEntry("sesSuppressed", 7);
    }
}
