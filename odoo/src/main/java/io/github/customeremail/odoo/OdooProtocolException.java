package io.github.customeremail.odoo;

/**
 * The server's answer broke the protocol: malformed or oversized XML or JSON, a DTD or entity, a type Odoo does
 * not use, an unexpected HTTP status or content. The XML-RPC codec throws nothing else on bad input.
 */
public final class OdooProtocolException extends OdooException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, for a person to read
     */
    public OdooProtocolException(String message) {
        super(message, null);
    }

    /**
     * @param message what was wrong, for a person to read
     * @param cause   the parser's own exception
     */
    public OdooProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
