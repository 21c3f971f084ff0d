package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** DKIM key records: tags, key types, RSA key length from the SubjectPublicKeyInfo. */
class DkimKeyTest {

    @Test
    void rsaKeyLengthIsReadFromTheKey() throws Exception {
        String p = SenderCheckTest.rsaKey(1024);
        assertThat(DkimKey.parse("v=DKIM1; k=rsa; p=" + p)).isEqualTo(new DkimKey("rsa", 1024, null));
        assertThat(DkimKey.parse("p=" + p).bits()).isEqualTo(1024); // v and k are optional, rsa the default
        // base64 split by spaces, as long keys are in zone files
        assertThat(DkimKey.parse("v=DKIM1; p=" + p.substring(0, 100) + " " + p.substring(100)).bits())
                .isEqualTo(1024);
    }

    @Test
    void aBarePkcs1RsaPublicKeyIsAcceptedToo() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) g.generateKeyPair().getPublic();
        byte[] spki = key.getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(spki, 24, spki.length); // a 2048-bit SPKI has a 24-byte header
        assertThat(DkimKey.parse("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pkcs1)).bits())
                .isEqualTo(2048);
    }

    @Test
    void ed25519KeysAre32Bytes() {
        String p = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(DkimKey.parse("v=DKIM1; k=ed25519; p=" + p)).isEqualTo(new DkimKey("ed25519", 256, null));
        assertThat(DkimKey.parse("v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(new byte[31]))
                .problem()).isEqualTo(SenderCode.DKIM_KEY_MALFORMED);
    }

    @Test
    void revokedAndBrokenRecords() {
        assertThat(DkimKey.parse("v=DKIM1; k=rsa; p=").problem()).isEqualTo(SenderCode.DKIM_KEY_REVOKED);
        for (String broken : new String[] {"v=DKIM1; k=rsa", "v=DKIM1; k=dsa; p=AAAA", "v=DKIM1; p=!!!",
            "k=rsa; v=DKIM1; p=AAAA", "v=DKIM2; p=AAAA", "v=DKIM1; p=bm90IGEga2V5", "v=DKIM1; junk; p=AAAA",
            "v=DKIM1; p=AAAA; p=AAAA"}) {
            assertThat(DkimKey.parse(broken).problem()).as(broken).isEqualTo(SenderCode.DKIM_KEY_MALFORMED);
        }
    }
}
