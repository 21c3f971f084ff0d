package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DMARC record parser; several cases follow checkdmarc's test facts. */
class DmarcRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {"v=DMARC1;p=ReJect", "v = DMARC1;p=reject;", "v = DMARC1\t;\tp=reject\t;",
        "v = DMARC1\t;\tp\t\t\t=\t\t\treject\t;", "V=DMARC1;p=reject;"})
    void spacesAndCaseOfTagsAreTolerated(String record) {
        assertThat(DmarcRecord.isDmarc(record)).isTrue();
        assertThat(DmarcRecord.parse(record).record()).isNotNull();
        assertThat(DmarcRecord.parse(record).record().policy()).isEqualTo("reject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=DMARC1; p=foo; rua=mailto:dmarc@example.com",
        "v=DMARC1; p=none; rua=reports@dmarc.example.gov,mailto:dmarcreports@example.gov",
        "v=DMARC1; p=none; rua=__mailto:reports@example.gov",
        "v=dmarc1; p=reject",
        "v=DMARC1 p=none",
        "v=DMARC1; p=reject; pct=101",
        "v=DMARC1; p=reject; sp=maybe",
        "v=DMARC1; p=reject; p=none",
        "p=reject; v=DMARC1"})
    void malformed(String record) {
        assertThat(DmarcRecord.parse(record).record()).isNull();
    }

    @Test
    void defaultsAndDestinations() {
        DmarcRecord r = DmarcRecord.parse("v=DMARC1; p=quarantine; rua=mailto:a@x.example!10m, "
                + "mailto:b@Y.example,https://dmarc.example/submit; ruf=mailto:c@x.example; aspf=s").record();
        assertThat(r.subdomainPolicy()).isEqualTo("quarantine");
        assertThat(r.pct()).isEqualTo(100);
        assertThat(r.strictSpf()).isTrue();
        assertThat(r.rua()).containsExactly("x.example", "y.example");
        assertThat(r.ruf()).containsExactly("x.example");
        assertThat(DmarcRecord.parse("v=DMARC1; rua=mailto:d@x.example").record().policy()).isEqualTo("none");
        assertThat(DmarcRecord.parse("v=DMARC1; p=reject; aspf=q").record().strictSpf()).isFalse();
    }

    @Test
    void otherTxtRecordsAreNotDmarc() {
        assertThat(DmarcRecord.isDmarc("v=spf1 -all")).isFalse();
        assertThat(DmarcRecord.isDmarc("p=reject")).isFalse();
    }
}
