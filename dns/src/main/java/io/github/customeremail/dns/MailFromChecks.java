package io.github.customeremail.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/**
 * The custom MAIL FROM domain: its MX must be SES's feedback endpoint of the region
 * ({@code feedback-smtp.REGION.amazonses.com}) and its own SPF must authorize SES.
 */
final class MailFromChecks {

    private MailFromChecks() {
    }

    static CompletableFuture<List<SenderFinding>> check(SenderDns dns, SenderDomain d) {
        if (d.mailFrom().isEmpty()) {
            return CompletableFuture.completedFuture(List.of(SenderFinding.of("mail-from",
                    SenderCode.MAIL_FROM_SES_DEFAULT, "domain", d.domain(), "envelope", d.envelopeDomain())));
        }
        String mailFrom = d.mailFrom().get();
        String expected = d.sesRegion().map(SesNames::feedbackHost).orElse("feedback-smtp.REGION.amazonses.com");
        CompletableFuture<SenderFinding> mx = dns.ask(mailFrom, Type.MX).thenApply(a -> mx(d, mailFrom, expected, a));
        CompletableFuture<List<SenderFinding>> spf = SpfAnalysis.check(dns, "mail-from.spf", mailFrom, mailFrom);
        return mx.thenCombine(spf, (m, s) -> {
            List<SenderFinding> out = new ArrayList<>();
            out.add(m);
            out.addAll(s);
            return out;
        });
    }

    private static SenderFinding mx(SenderDomain d, String mailFrom, String expected, Answer a) {
        if (a.kind() == Answer.Kind.FAILURE) {
            return SenderFinding.of("mail-from.mx", SenderCode.MAIL_FROM_UNKNOWN, "mailfrom", mailFrom,
                    "reason", a.reason());
        }
        List<String> hosts = new ArrayList<>();
        for (org.xbill.DNS.Record r : a.records()) {
            if (r instanceof MXRecord mx) {
                hosts.add(mx.getTarget().toString(true).toLowerCase(Locale.ROOT));
            }
        }
        if (hosts.isEmpty()) {
            return SenderFinding.of("mail-from.mx", SenderCode.MAIL_FROM_MX_MISSING, "mailfrom", mailFrom,
                    "expected", expected);
        }
        for (String host : hosts) {
            if (d.sesRegion().isPresent() ? host.equals(expected) : SesNames.isFeedbackHost(host)) {
                return SenderFinding.of("mail-from.mx", SenderCode.MAIL_FROM_MX_OK, "mailfrom", mailFrom,
                        "host", host);
            }
        }
        return SenderFinding.of("mail-from.mx", SenderCode.MAIL_FROM_MX_WRONG, "mailfrom", mailFrom,
                "expected", expected, "found", String.join(", ", hosts));
    }
}
