package io.github.customeremail.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Tells public (globally routable) addresses from loopback, private, link-local, shared, documentation,
 * multicast and otherwise reserved ones (IANA special-purpose registries, RFC 6890 and successors).
 * A mail host that resolves only to such addresses cannot receive mail from the Internet.
 */
final class AddressRanges {

    private AddressRanges() {
    }

    /**
     * @param address an IPv4 or IPv6 address
     * @return {@code true} if it is a plausible public unicast address for a mail server
     */
    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b, 0);
        }
        if (address instanceof Inet6Address || b.length == 16) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b, int o) {
        int a0 = b[o] & 0xff;
        int a1 = b[o + 1] & 0xff;
        int a2 = b[o + 2] & 0xff;
        if (a0 == 0 || a0 == 10 || a0 == 127) {
            return false; // "this network", private, loopback
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return false; // 100.64.0.0/10 shared address space (CGNAT)
        }
        if (a0 == 169 && a1 == 254) {
            return false; // link-local
        }
        if (a0 == 172 && (a1 & 0xf0) == 16) {
            return false; // 172.16.0.0/12 private
        }
        if (a0 == 192 && a1 == 168) {
            return false; // private
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            return false; // IETF protocol assignments, TEST-NET-1
        }
        if (a0 == 192 && a1 == 88 && a2 == 99) {
            return false; // deprecated 6to4 relay anycast
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return false; // 198.18.0.0/15 benchmarking
        }
        if (a0 == 198 && a1 == 51 && a2 == 100) {
            return false; // TEST-NET-2
        }
        if (a0 == 203 && a1 == 0 && a2 == 113) {
            return false; // TEST-NET-3
        }
        return a0 < 224; // 224/4 multicast, 240/4 reserved and broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                firstTenZero = false;
                break;
            }
        }
        if (firstTenZero) {
            int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
            if (w5 == 0xffff) {
                return isPublicV4(b, 12); // ::ffff:0:0/96 IPv4-mapped
            }
            return false; // ::/128, ::1/128, deprecated IPv4-compatible ::/96 and the rest of ::/80
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            boolean wellKnownPrefix = true;
            for (int i = 4; i < 12; i++) {
                if (b[i] != 0) {
                    wellKnownPrefix = false;
                    break;
                }
            }
            return wellKnownPrefix && isPublicV4(b, 12); // 64:ff9b::/96 NAT64; 64:ff9b:1::/48 local use
        }
        if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return false; // 100::/64 discard-only
        }
        if (w0 == 0x2001 && w1 < 0x0200) {
            return false; // 2001::/23 IETF protocol assignments (Teredo, ORCHID, benchmarking…)
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return false; // documentation
        }
        if (w0 == 0x2002) {
            return isPublicV4(b, 2); // 6to4: judge the embedded IPv4 address
        }
        if ((w0 & 0xfff0) == 0x3ff0) {
            return false; // 3fff::/20 documentation (RFC 9637)
        }
        if (w0 == 0x5f00) {
            return false; // 5f00::/16 SRv6 SIDs
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return false; // fc00::/7 unique local
        }
        if ((w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0) {
            return false; // fe80::/10 link-local, fec0::/10 deprecated site-local
        }
        // Outside 2000::/3 everything is multicast (ff00::/8) or not allocated for global unicast.
        return (w0 & 0xe000) == 0x2000;
    }
}
