package io.github.customeremail.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Blocklists: the domain against the configured domain lists, the company's own sending IPs against the configured
 * IP lists. Nothing is queried unless configured. An operator's "refused" answer is unknown, never listed nor clean.
 */
final class BlocklistChecks {

    private BlocklistChecks() {
    }

    static CompletableFuture<List<SenderFinding>> check(SenderDns dns, SenderDomain d, List<BlocklistZone> zones) {
        if (zones.isEmpty()) {
            return CompletableFuture.completedFuture(List.of(SenderFinding.of("blocklists",
                    SenderCode.BLOCKLIST_NOT_CONFIGURED, "domain", d.domain())));
        }
        List<CompletableFuture<SenderFinding>> parts = new ArrayList<>();
        List<SenderFinding> notes = new ArrayList<>();
        for (BlocklistZone z : zones) {
            if (z.listsDomains()) {
                parts.add(query(dns, z, "blocklist." + z.zone(), d.domain(), d.domain()));
            } else if (d.sendingIps().isEmpty()) {
                if (notes.isEmpty()) {
                    notes.add(SenderFinding.of("blocklist.ip", SenderCode.BLOCKLIST_SES_SHARED_IPS,
                            "zone", z.zone()));
                }
            } else {
                for (InetAddress ip : d.sendingIps()) {
                    String reversed = reversed(ip);
                    parts.add(query(dns, z, "blocklist." + z.zone() + "." + ip.getHostAddress(),
                            ip.getHostAddress(), reversed));
                }
            }
        }
        return Parts.all(parts).thenApply(found -> {
            List<SenderFinding> out = new ArrayList<>(found);
            out.addAll(notes);
            return out;
        });
    }

    /** {@code 1.2.3.4} → {@code 4.3.2.1}; IPv6 → its reversed nibbles (RFC 5782 section 2.4). */
    static String reversed(InetAddress ip) {
        String arpa = ReverseMap.fromAddress(ip).toString(true);
        String suffix = ip.getAddress().length == 4 ? ".in-addr.arpa" : ".ip6.arpa";
        return arpa.substring(0, arpa.length() - suffix.length());
    }

    private static CompletableFuture<SenderFinding> query(SenderDns dns, BlocklistZone z, String check,
                                                          String subject, String label) {
        return dns.ask(label + "." + z.zone(), Type.A).thenApply(a -> judge(z, check, subject, a));
    }

    private static SenderFinding judge(BlocklistZone z, String check, String subject, Answer a) {
        if (a.kind() == Answer.Kind.FAILURE) {
            return SenderFinding.of(check, SenderCode.BLOCKLIST_UNKNOWN, "zone", z.zone(), "subject", subject,
                    "reason", a.reason());
        }
        if (a.kind() != Answer.Kind.DATA) {
            return SenderFinding.of(check, SenderCode.BLOCKLIST_NOT_LISTED, "zone", z.zone(), "subject", subject);
        }
        List<String> codes = new ArrayList<>();
        SenderCode code = SenderCode.BLOCKLIST_LISTED;
        for (org.xbill.DNS.Record r : a.records()) {
            byte[] addr = ((ARecord) r).getAddress().getAddress();
            codes.add(((ARecord) r).getAddress().getHostAddress());
            if (z.refused(addr)) {
                code = SenderCode.BLOCKLIST_REFUSED;
            } else if (addr[0] != 127 && code == SenderCode.BLOCKLIST_LISTED) {
                code = SenderCode.BLOCKLIST_UNEXPECTED_ANSWER;
            }
        }
        return SenderFinding.of(check, code, "zone", z.zone(), "subject", subject, "answer", String.join(", ", codes));
    }
}
