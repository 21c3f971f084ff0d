package io.github.customeremail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Built-in rule: role accounts, the shared mailbox of a department rather than a person's
 * ({@link FindingCode#ROLE_ACCOUNT}, parameter {@code localPart} = the role name that matched). The local part is
 * compared case-insensitively, without a {@code +tag} ({@code Ventas+2024@x.com} is {@code ventas}).
 *
 * <p>Default {@link RuleMode#WARNING}: businesses legitimately receive invoices at {@code facturacion@} or
 * {@code contabilidad@}, so the clerk is only asked to check. {@code noreply@}-style addresses are in the same list
 * and get the same severity; configure {@link RuleMode#INVALID} to refuse them all.
 */
record RoleAccountRule(Severity severity) implements PolicyRule {

    static final int COST = 30;

    /** Spanish and English role names seen in customer data, curated by hand. */
    static final Set<String> ROLES = Set.of(
            // generic and administrative
            "info", "informacion", "información", "contacto", "contact", "contactenos", "contactanos", "hola",
            "hello", "admin", "administrador", "administracion", "administración", "administrator", "office",
            "oficina", "recepcion", "recepción", "reception", "gerencia", "direccion", "dirección",
            "management", "secretaria", "secretaría",
            // money
            "ventas", "sales", "comercial", "facturacion", "facturación", "facturas", "factura",
            "facturaelectronica", "facturacionelectronica", "billing", "invoice", "invoices", "contabilidad",
            "accounting", "accounts", "tesoreria", "tesorería", "cartera", "cobranza", "cobranzas", "cobros",
            "pagos", "payments", "compras", "purchasing", "proveedores", "finanzas", "finance",
            // people and service
            "rrhh", "recursoshumanos", "talentohumano", "hr", "jobs", "empleo", "soporte", "support",
            "ayuda", "help", "servicioalcliente", "atencionalcliente", "atencion", "atención", "servicio",
            "clientes", "customerservice", "marketing", "prensa", "press", "legal", "juridico", "jurídico",
            // technical and automatic
            "postmaster", "webmaster", "hostmaster", "abuse", "security", "noc", "root", "mailer-daemon",
            "noreply", "no-reply", "no_reply", "no.reply", "donotreply", "do-not-reply", "do_not_reply",
            "notificaciones", "notifications", "newsletter");

    /** {@link #ROLES}, looked up by a region of the address. */
    private static final StringTable<String> ROLE_TABLE = StringTable.of(ROLES);

    @Override
    public Optional<Finding> evaluate(ParsedAddress address) {
        String role;
        if (address.localPartIsLowerCaseAscii()) {
            // The common case, looked up in place: the local part without its +tag is s[0, end).
            String s = address.address();
            int at = address.at();
            int plus = s.indexOf('+');
            role = ROLE_TABLE.get(s, 0, plus >= 0 && plus < at ? plus : at);
        } else {
            String local = address.localPart();
            int plus = local.indexOf('+');
            String base = (plus >= 0 ? local.substring(0, plus) : local).toLowerCase(Locale.ROOT);
            role = ROLES.contains(base) ? base : null;
        }
        return role != null
                ? Optional.of(Finding.of(FindingCode.ROLE_ACCOUNT, severity, "localPart", role))
                : Optional.empty();
    }

    @Override
    public int cost() {
        return COST;
    }

    @Override
    public String name() {
        return "role-accounts";
    }
}
