package io.github.customeremail.odoo;

/**
 * Something went wrong talking to Odoo. The subtypes say what: {@link OdooFaultException} (Odoo answered with
 * an error), {@link OdooProtocolException} (the answer was not what the protocol allows) and
 * {@link OdooTransportException} (no answer: refused, reset, timed out, HTTP gateway errors).
 */
public abstract sealed class OdooException extends RuntimeException
        permits OdooFaultException, OdooProtocolException, OdooTransportException {

    private static final long serialVersionUID = 1L;

    OdooException(String message, Throwable cause) {
        super(message, cause);
    }
}
