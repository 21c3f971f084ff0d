package io.github.customeremail.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * The DNS questions of one sender check: every question is bounded by the check's deadline ({@code scope}); once
 * that passes, unanswered and unsent questions come back as {@link Answer.Kind#FAILURE} ("deadline").
 */
final class SenderDns {

    private final DnsQueries queries;
    private final CompletableFuture<?> scope;

    SenderDns(DnsQueries queries, CompletableFuture<?> scope) {
        this.queries = queries;
        this.scope = scope;
    }

    /**
     * @param name an absolute or relative-to-root name
     * @param type a {@link org.xbill.DNS.Type} value
     * @return the answer; never completes exceptionally
     */
    CompletableFuture<Answer> ask(String name, int type) {
        Name n;
        try {
            n = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(Answer.failure("invalid name " + name));
        }
        return queries.query(n, type, scope);
    }

    /** @return the text of each TXT record of a DATA answer, its strings joined without spaces (RFC 7208 3.3) */
    static List<String> texts(Answer answer) {
        List<String> out = new ArrayList<>();
        for (org.xbill.DNS.Record r : answer.records()) {
            if (r instanceof TXTRecord txt) {
                StringBuilder sb = new StringBuilder();
                for (byte[] part : txt.getStringsAsByteArrays()) {
                    sb.append(new String(part, StandardCharsets.UTF_8));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** @return whether the answer says there is no such record (NXDOMAIN or NODATA): an answer, not a failure */
    static boolean negative(Answer answer) {
        return answer.kind() == Answer.Kind.NXDOMAIN || answer.kind() == Answer.Kind.NODATA;
    }
}
