package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;

/** How long "this host has a public address" holds, against how long the whole answer holds. */
class HostAddressesTest {

    private static final Name HOST = Name.fromConstantString("mx.example.test.");

    private static Answer a(String address, long ttl) throws Exception {
        ARecord record = new ARecord(HOST, DClass.IN, ttl, InetAddress.getByName(address));
        return new Answer(Answer.Kind.DATA, List.of(record), ttl, null, null, null);
    }

    private static Answer aaaa(String address, long ttl) throws Exception {
        AAAARecord record = new AAAARecord(HOST, DClass.IN, ttl, InetAddress.getByName(address));
        return new Answer(Answer.Kind.DATA, List.of(record), ttl, null, null, null);
    }

    private static Answer empty(Answer.Kind kind, long ttl) {
        return new Answer(kind, List.of(), ttl, null, null, null);
    }

    @Test
    void anEmptyAnswerShortensTheWholeAnswerButNotThePublicAddress() throws Exception {
        HostAddresses h = HostAddresses.combine(a("11.22.33.44", 300), empty(Answer.Kind.NODATA, 60), 30);
        assertThat(h.hasPublic()).isTrue();
        assertThat(h.ttlSeconds()).isEqualTo(60);
        assertThat(h.publicTtlSeconds()).isEqualTo(300);
    }

    @Test
    void thePublicTtlIsTheShortestOfTheAnswersWithAPublicAddress() throws Exception {
        HostAddresses both = HostAddresses.combine(a("11.22.33.44", 300), aaaa("2a00:1450:4001::1b", 120), 30);
        assertThat(both.publicTtlSeconds()).isEqualTo(120);
        HostAddresses privateOnly = HostAddresses.combine(a("10.0.0.1", 300), aaaa("2a00:1450:4001::1b", 600), 30);
        assertThat(privateOnly.ttlSeconds()).isEqualTo(300);
        assertThat(privateOnly.publicTtlSeconds()).isEqualTo(600);
    }

    @Test
    void withoutAPublicAddressThereIsNoPublicTtl() throws Exception {
        assertThat(HostAddresses.combine(a("10.0.0.1", 300), empty(Answer.Kind.NODATA, 60), 30).publicTtlSeconds())
                .isEqualTo(-1);
        assertThat(HostAddresses.of(a("192.168.1.1", 300)).publicTtlSeconds()).isEqualTo(-1);
        assertThat(HostAddresses.of(a("11.22.33.44", 300)).publicTtlSeconds()).isEqualTo(300);
        assertThat(HostAddresses.failed("timeout").publicTtlSeconds()).isEqualTo(-1);
    }
}
