/**
 * customer-email odoo: a client of Odoo's external API (XML-RPC for Odoo 14–18, JSON-2 for 19+) and the audit's
 * operations on contacts.
 */
module io.github.customeremail.odoo {
    requires transitive io.github.customeremail;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires java.xml;

    exports io.github.customeremail.odoo;
}
