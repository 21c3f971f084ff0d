package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The strict SPF grammar (RFC 7208 section 12); several cases follow checkdmarc's test facts. */
class SpfRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1 include:amazonses.com -all",
        "v=spf1 IP4:147.75.8.208 -ALL",                        // mechanisms are case-insensitive
        "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx ~all",
        "v=spf1 a:mail.example.com/24//64 mx/24 ?all",
        "v=spf1 a:%{l}.example.com -all",                      // macros
        "v=spf1 include:%{ir}.%{v}.%{d}.spf.has.pphosted.com ~all",
        "v=spf1 exists:%{i}._spf.example.com -all",
        "v=spf1 redirect=_spf.example.com",
        "v=spf1 -all exp=%{d}",
        "v=spf1 ptr:%{d} -all",
        "v=spf1",
        "v=spf1  include:amazonses.com   -all ",                // extra spaces
        "v=spf1 include:_spf.google.com ra=postmaster -all",   // unknown modifiers are allowed
    })
    void valid(String record) {
        assertThat(SpfRecord.isSpf(record)).isTrue();
        assertThat(SpfRecord.parse(record).badTerm()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1 mx a:mail.cohaesio.net include: trustpilotservice.com ~all",
        "v=spf1 ip4:78.46.96.236 +ip4:relay.mailchannels.net ~all",
        "v=spf1 ip4:1200:0000:AB00:1234:0000:2552:7777:1313 ~all",
        "v=spf1 ip4:78.46.96.236/99 ~all",
        "v=spf1 ip6:1200:0000:AB00:1234:O000:2552:7777:1313 ~all",
        "v=spf1 ip6:78.46.96.236 ~all",
        "v=spf1 ip6:2001:db8::/130 ~all",
        "v=spf1 ip4:8.8.8.8~all",
        "v=spf1 a:%{?} -all",
        "v=spf1 include:%{?}._spf.example.com -all",
        "v=spf1 redirect=a.example.com redirect=b.example.com",
        "v=spf1 foo:example.com -all",
        "v=spf1 all:example.com",
        "v=spf1 include:localhost -all",
        "v=spf1 a/33 -all",
        "v=spf1 ip4:256.1.1.1 -all",
    })
    void invalid(String record) {
        assertThat(SpfRecord.parse(record).record()).isNull();
        assertThat(SpfRecord.parse(record).badTerm()).isNotBlank();
    }

    @Test
    void onlyVSpf1FollowedBySpaceOrEndIsAnSpfRecord() {
        assertThat(SpfRecord.isSpf("v=spf10 -all")).isFalse();
        assertThat(SpfRecord.isSpf("spf2.0/pra include:x.com")).isFalse();
        assertThat(SpfRecord.isSpf("V=SPF1 -all")).isTrue();
        assertThat(SpfRecord.isSpf("google-site-verification=abc")).isFalse();
    }

    @Test
    void queryingMechanismsAreTheOnesRfc7208Counts() {
        SpfRecord r = SpfRecord.parse("v=spf1 include:a.example a mx ptr exists:%{i}.x.example ip4:192.0.2.1 "
                + "ip6:2001:db8::1 -all").record();
        long querying = r.terms().stream()
                .filter(t -> t instanceof SpfRecord.Mechanism m && m.queriesDns()).count();
        assertThat(querying).isEqualTo(5);
    }
}
