package io.github.customeremail.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Type;

/** DKIM: the configured selectors' key records and SES Easy DKIM's CNAMEs. */
final class DkimChecks {

    /** RFC 8301: verifiers must reject RSA keys below 1024 bits; 2048 is what SES and others publish. */
    static final int MIN_BITS = 1024;
    static final int GOOD_BITS = 2048;

    private DkimChecks() {
    }

    static CompletableFuture<List<SenderFinding>> check(SenderDns dns, SenderDomain d) {
        List<CompletableFuture<SenderFinding>> parts = new ArrayList<>();
        for (String selector : d.dkimSelectors()) {
            String name = selector + "._domainkey." + d.domain();
            parts.add(dns.ask(name, Type.TXT).thenApply(a -> key("dkim." + selector, selector, name, a)));
        }
        for (String token : d.sesDkimTokens()) {
            parts.add(sesToken(dns, d.domain(), token));
        }
        if (parts.isEmpty()) {
            return CompletableFuture.completedFuture(List.of(SenderFinding.of("dkim", SenderCode.DKIM_NOT_CONFIGURED,
                    "domain", d.domain())));
        }
        return Parts.all(parts).thenApply(found -> withRsaAdvice(d.domain(), found));
    }

    /** Whether the finding is a published key that receivers verify signatures with (a weak one included). */
    static boolean verifies(SenderFinding f) {
        return f.code() == SenderCode.DKIM_KEY_OK || f.code() == SenderCode.DKIM_KEY_WEAK;
    }

    /**
     * RFC 8463 asks signers to sign with RSA too while receivers that know only RSA remain: when every working key
     * is Ed25519, one more finding says so. Ed25519 keys have a fixed length (256 bits), so RSA's length rules do
     * not apply to them.
     */
    static List<SenderFinding> withRsaAdvice(String domain, List<SenderFinding> found) {
        boolean ed25519 = false;
        for (SenderFinding f : found) {
            boolean works = verifies(f);
            if (works && !"ed25519".equals(f.parameters().get("type"))) {
                return found;
            }
            ed25519 |= works;
        }
        if (!ed25519) {
            return found;
        }
        List<SenderFinding> out = new ArrayList<>(found);
        out.add(SenderFinding.of("dkim", SenderCode.DKIM_ED25519_ONLY, "domain", domain));
        return out;
    }

    /** Judges the key record found (or not) at {@code name}. */
    static SenderFinding key(String check, String selector, String name, Answer answer) {
        if (answer.kind() == Answer.Kind.FAILURE) {
            return SenderFinding.of(check, SenderCode.DKIM_UNKNOWN, "selector", selector, "name", name,
                    "reason", answer.reason());
        }
        List<String> texts = SenderDns.texts(answer);
        if (texts.isEmpty()) {
            return SenderFinding.of(check, SenderCode.DKIM_KEY_MISSING, "selector", selector, "name", name);
        }
        if (texts.size() > 1) {
            return SenderFinding.of(check, SenderCode.DKIM_KEY_MALFORMED, "selector", selector, "name", name);
        }
        DkimKey key = DkimKey.parse(texts.get(0));
        if (key.problem() != null) {
            return SenderFinding.of(check, key.problem(), "selector", selector, "name", name);
        }
        String bits = Integer.toString(key.bits());
        SenderCode code = key.type().equals("ed25519") || key.bits() >= GOOD_BITS ? SenderCode.DKIM_KEY_OK
                : key.bits() >= MIN_BITS ? SenderCode.DKIM_KEY_WEAK : SenderCode.DKIM_KEY_TOO_SHORT;
        return SenderFinding.of(check, code, "selector", selector, "name", name, "bits", bits, "type", key.type());
    }

    /** The CNAME {@code TOKEN._domainkey.DOMAIN → TOKEN.dkim.amazonses.com}, then the key it leads to. */
    private static CompletableFuture<SenderFinding> sesToken(SenderDns dns, String domain, String token) {
        String check = "dkim.ses." + token;
        String name = token + "._domainkey." + domain;
        String expected = SesNames.dkimTarget(token);
        return dns.ask(name, Type.CNAME).thenCompose(a -> {
            if (a.kind() == Answer.Kind.FAILURE) {
                return done(SenderFinding.of(check, SenderCode.DKIM_UNKNOWN, "selector", token, "name", name,
                        "reason", a.reason()));
            }
            if (a.kind() != Answer.Kind.DATA) {
                return done(SenderFinding.of(check, SenderCode.DKIM_SES_CNAME_MISSING, "name", name,
                        "expected", expected));
            }
            String found = ((CNAMERecord) a.records().get(0)).getTarget().toString(true).toLowerCase(Locale.ROOT);
            if (!found.equals(expected)) {
                return done(SenderFinding.of(check, SenderCode.DKIM_SES_CNAME_WRONG, "name", name,
                        "expected", expected, "found", found));
            }
            return dns.ask(name, Type.TXT).thenApply(txt -> key(check, token, name, txt));
        });
    }

    private static CompletableFuture<SenderFinding> done(SenderFinding f) {
        return CompletableFuture.completedFuture(f);
    }
}
