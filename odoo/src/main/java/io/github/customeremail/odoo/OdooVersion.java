package io.github.customeremail.odoo;

import java.util.List;

/**
 * The server's version, from {@code server_version_info} of {@code /xmlrpc/2/common version}
 * (odoo/service/common.py): {@code [17, 0, 0, "final", 0, ""]}, or on Odoo Online {@code ["saas~17", 2, ...]}.
 *
 * @param major  the major version (17 for 17.0 and saas~17.x)
 * @param minor  the minor version (0 for 17.0, 2 for saas~17.2)
 * @param serie  the version as Odoo writes it, e.g. {@code 17.0} or {@code saas~17.2}
 */
public record OdooVersion(int major, int minor, String serie) {

    /** The oldest major version this client speaks to. */
    public static final int OLDEST_SUPPORTED = 14;

    /** The first major version with the JSON-2 API. */
    public static final int FIRST_JSON_2 = 19;

    /** @return the protocol {@link OdooProtocol#AUTO} picks for this version */
    public OdooProtocol preferredProtocol() {
        return major >= FIRST_JSON_2 ? OdooProtocol.JSON_2 : OdooProtocol.XML_RPC;
    }

    /** Reads {@code server_version_info} as Odoo sends it. */
    static OdooVersion fromVersionInfo(Object info, Object serie) {
        if (!(info instanceof List<?> parts) || parts.size() < 2 || !(parts.get(1) instanceof Integer minor)) {
            throw new OdooProtocolException("server_version_info is not a version list: " + info);
        }
        Object first = parts.get(0);
        int major;
        if (first instanceof Integer m) {
            major = m;
        } else if (first instanceof String s && s.startsWith("saas~")) {
            try {
                major = Integer.parseInt(s.substring("saas~".length()));
            } catch (NumberFormatException e) {
                throw new OdooProtocolException("server_version_info has an unknown major version: " + s, e);
            }
        } else {
            throw new OdooProtocolException("server_version_info has an unknown major version: " + first);
        }
        String name = serie instanceof String s && !s.isBlank() ? s : major + "." + minor;
        return new OdooVersion(major, minor, name);
    }
}
