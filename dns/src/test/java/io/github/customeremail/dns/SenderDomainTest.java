package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Configuration of a sending domain fails fast, naming the setting. */
class SenderDomainTest {

    @Test
    void mailFromIsASubdomainGivenWholeOrByItsLabels() {
        assertThat(SenderDomain.builder("Tumatera.COM.").mailFrom("bounce").build().mailFrom())
                .contains("bounce.tumatera.com");
        assertThat(SenderDomain.builder("tumatera.com").mailFrom("bounce.tumatera.com").build().envelopeDomain())
                .isEqualTo("bounce.tumatera.com");
        assertThat(SenderDomain.builder("tumatera.com").build().envelopeDomain()).isEqualTo("amazonses.com");
        assertThat(SenderDomain.builder("españa.test").build().domain()).isEqualTo("xn--espaa-rta.test");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> SenderDomain.builder("no domain")).hasMessageStartingWith("domain:");
        assertThatThrownBy(() -> SenderDomain.builder("localhost")).hasMessageStartingWith("domain:");
        assertThatThrownBy(() -> SenderDomain.builder("a.com").sesRegion("virginia"))
                .hasMessageStartingWith("ses-region:");
        assertThatThrownBy(() -> SenderDomain.builder("a.com").sesDkimTokens("a.b"))
                .hasMessageStartingWith("ses-dkim-token:");
        assertThatThrownBy(() -> SenderDomain.builder("a.com").dkimSelectors("s 1"))
                .hasMessageStartingWith("dkim-selector:");
        assertThatThrownBy(() -> SenderDomain.builder("a.com").sendingIps("mail.a.com"))
                .hasMessageStartingWith("sending-ip:");
        assertThatThrownBy(() -> SenderDomain.builder("a.com").mailFrom("bad label!"))
                .hasMessageStartingWith("mail-from:");
    }

    @Test
    void blocklistZonesAreKnownOrPrefixed() throws Exception {
        assertThat(BlocklistZone.parse("dbl.spamhaus.org").listsDomains()).isTrue();
        assertThat(BlocklistZone.parse("zen.spamhaus.org").listsDomains()).isFalse();
        assertThat(BlocklistZone.parse("abc123key.dbl.dq.spamhaus.net").listsDomains()).isTrue();
        assertThat(BlocklistZone.parse("ip:bl.example.test")).isEqualTo(new BlocklistZone("bl.example.test", false));
        assertThatThrownBy(() -> BlocklistZone.parse("bl.example.test")).hasMessageContaining("domain:bl.example.test");
        assertThat(BlocklistChecks.reversed(org.xbill.DNS.Address.getByAddress("192.0.2.99")))
                .isEqualTo("99.2.0.192");
    }

    @Test
    void refusedAnswers() throws Exception {
        BlocklistZone spamhaus = BlocklistZone.parse("dbl.spamhaus.org");
        BlocklistZone uribl = BlocklistZone.parse("multi.uribl.com");
        assertThat(spamhaus.refused(new byte[] {127, (byte) 255, (byte) 255, (byte) 254})).isTrue();
        assertThat(spamhaus.refused(new byte[] {127, 0, 1, 2})).isFalse();
        assertThat(spamhaus.refused(new byte[] {127, 0, 0, 1})).isFalse();
        assertThat(uribl.refused(new byte[] {127, 0, 0, 1})).isTrue();
        assertThat(uribl.refused(new byte[] {127, 0, 0, 2})).isFalse();
    }
}
