package io.github.customeremail.odoo;

import java.util.Arrays;
import java.util.Base64;

/**
 * An XML-RPC {@code base64} value. Odoo itself sends binary fields as base64 text in a string, so this type only
 * appears when a server uses the {@code base64} element.
 *
 * @param bytes the decoded bytes (copied, never shared)
 */
public record OdooBinary(byte[] bytes) {

    /** Copies the bytes so the value stays immutable. */
    public OdooBinary {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OdooBinary that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "OdooBinary[" + Base64.getEncoder().encodeToString(bytes) + "]";
    }
}
