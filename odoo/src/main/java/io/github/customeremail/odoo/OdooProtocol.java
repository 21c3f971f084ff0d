package io.github.customeremail.odoo;

/** Which of Odoo's external APIs the client speaks. */
public enum OdooProtocol {
    /** Chosen from the server's {@code server_version_info}: XML-RPC up to Odoo 18, JSON-2 from Odoo 19. */
    AUTO,
    /** {@code /xmlrpc/2/common} and {@code /xmlrpc/2/object} (Odoo 14 to 19; deprecated in 19). */
    XML_RPC,
    /** {@code POST /json/2/<model>/<method>} with a bearer API key (Odoo 19 and later). */
    JSON_2
}
