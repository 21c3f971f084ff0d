package io.github.customeremail.dns;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed DKIM key record (RFC 6376 section 3.6.1): the key type and its length in bits, or why it does not
 * parse.
 *
 * @param type {@code rsa} or {@code ed25519}; {@code null} when the record is broken
 * @param bits the key length (RSA modulus bits; 256 for Ed25519), 0 when broken or revoked
 * @param problem {@code null}, {@link SenderCode#DKIM_KEY_REVOKED} or {@link SenderCode#DKIM_KEY_MALFORMED}
 */
record DkimKey(String type, int bits, SenderCode problem) {

    /** The DER prefix that wraps a PKCS#1 RSAPublicKey into a SubjectPublicKeyInfo, up to the lengths. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    static DkimKey parse(String txt) {
        TagList list = TagList.parse(txt);
        // v is optional, but when present it comes first and is DKIM1
        if (list.badTerm() != null || list.tags().containsKey("v") && !list.startsWithVersion("DKIM1")) {
            return broken();
        }
        Map<String, String> tags = list.tags();
        String type = tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
        String p = tags.get("p");
        if (p == null || !(type.equals("rsa") || type.equals("ed25519"))) {
            return broken();
        }
        p = p.replaceAll("[ \\t\\r\\n]", "");
        if (p.isEmpty()) {
            return new DkimKey(type, 0, SenderCode.DKIM_KEY_REVOKED);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            return broken();
        }
        if (type.equals("ed25519")) {
            return der.length == 32 ? new DkimKey(type, 256, null) : broken();
        }
        Integer bits = rsaBits(der);
        if (bits == null) {
            bits = rsaBits(wrapPkcs1(der)); // some publish the bare RSAPublicKey; verifiers accept it
        }
        return bits == null ? broken() : new DkimKey(type, bits, null);
    }

    private static DkimKey broken() {
        return new DkimKey(null, 0, SenderCode.DKIM_KEY_MALFORMED);
    }

    private static Integer rsaBits(byte[] spki) {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(spki));
            return key.getModulus().bitLength();
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] bitString = concat(new byte[] {0x03}, length(pkcs1.length + 1), new byte[] {0x00}, pkcs1);
        byte[] body = concat(RSA_ALGORITHM, bitString);
        return concat(new byte[] {0x30}, length(body.length), body);
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
