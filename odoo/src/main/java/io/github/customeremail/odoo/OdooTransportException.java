package io.github.customeremail.odoo;

/**
 * Odoo could not be reached or did not answer in time (connection refused or reset, timeout, HTTP 502/503/504),
 * after the configured retries for such transient errors.
 */
public final class OdooTransportException extends OdooException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and how many attempts were made
     * @param cause   the last underlying error, or null
     */
    public OdooTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
