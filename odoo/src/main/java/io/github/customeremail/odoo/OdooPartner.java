package io.github.customeremail.odoo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact ({@code res.partner}) as the audit reads it. Odoo sends {@code False} for an empty field; here that
 * is an empty {@link Optional}.
 *
 * @param id              the record id
 * @param name            the contact's name
 * @param email           the {@code email} field as typed (it may hold several addresses)
 * @param emailNormalized Odoo's stored {@code email_normalized} (see {@link OdooAddresses})
 * @param blacklisted     {@code is_blacklisted}: the normalized address is in {@code mail.blacklist}
 * @param messageBounce   {@code message_bounce}: bounces Odoo counted for this contact
 * @param writeDate       {@code write_date} as Odoo sends it ({@code 2025-01-31 23:59:58}, UTC)
 * @param companyId       {@code company_id}'s id, when set
 * @param companyName     {@code company_id}'s name, when set
 */
public record OdooPartner(int id, String name, Optional<String> email, Optional<String> emailNormalized,
                          boolean blacklisted, int messageBounce, String writeDate, Optional<Integer> companyId,
                          Optional<String> companyName) {

    /** The fields {@link #fromRecord(Map)} reads, for {@code search_read}. */
    public static final List<String> FIELDS = List.of("id", "name", "email", "email_normalized", "is_blacklisted",
            "message_bounce", "write_date", "company_id");

    /**
     * Reads a {@code search_read} row.
     *
     * @throws OdooProtocolException when a field has a type Odoo does not send for it
     */
    public static OdooPartner fromRecord(Map<String, Object> row) {
        Object id = row.get("id");
        if (!(id instanceof Integer partnerId)) {
            throw new OdooProtocolException("res.partner row without an integer id: " + row.get("id"));
        }
        Optional<Integer> companyId = Optional.empty();
        Optional<String> companyName = Optional.empty();
        if (row.get("company_id") instanceof List<?> many2one && many2one.size() == 2
                && many2one.get(0) instanceof Integer cid) {
            companyId = Optional.of(cid);
            companyName = Optional.of(String.valueOf(many2one.get(1)));
        }
        return new OdooPartner(partnerId, text(row.get("name")).orElse(""), text(row.get("email")),
                text(row.get("email_normalized")), Boolean.TRUE.equals(row.get("is_blacklisted")),
                row.get("message_bounce") instanceof Integer n ? n : 0,
                text(row.get("write_date")).orElse(""), companyId, companyName);
    }

    private static Optional<String> text(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw new OdooProtocolException("expected text or False, found " + value.getClass().getSimpleName());
    }
}
