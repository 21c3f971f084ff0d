package io.github.customeremail.odoo;

import java.util.Objects;

/**
 * Odoo answered with an error (an XML-RPC fault or a JSON-2 error body). {@link #kind()} says which kind, so a
 * caller can switch on it; {@link #serverMessage()} keeps what Odoo said. Faults are never retried.
 */
public final class OdooFaultException extends OdooException {

    private static final long serialVersionUID = 1L;

    /** The kinds of error Odoo reports that a caller acts on differently. */
    public enum Kind {
        /** {@code odoo.exceptions.AccessError}: the user may not read or change these records. */
        ACCESS_ERROR,
        /** {@code odoo.exceptions.AccessDenied} or a refused API key: wrong login or key. */
        AUTHENTICATION,
        /** The database named does not exist on this server. */
        WRONG_DATABASE,
        /** A field named in the call does not exist on the model (often: a module is not installed). */
        MISSING_FIELD,
        /** {@code odoo.exceptions.MissingError}: a record was deleted. */
        MISSING_RECORD,
        /** The model or method does not exist or cannot be called from outside. */
        NOT_FOUND,
        /** {@code odoo.exceptions.UserError} and its kin (validation errors, warnings). */
        USER_ERROR,
        /** Any other server error. */
        SERVER_ERROR
    }

    private final Kind kind;
    private final String serverMessage;

    /**
     * @param kind          what kind of error
     * @param serverMessage what Odoo said (fault string or JSON message)
     */
    public OdooFaultException(Kind kind, String serverMessage) {
        super(describe(kind, serverMessage), null);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.serverMessage = Objects.requireNonNullElse(serverMessage, "");
    }

    /** @return what kind of error Odoo reported */
    public Kind kind() {
        return kind;
    }

    /** @return Odoo's own message, unchanged */
    public String serverMessage() {
        return serverMessage;
    }

    private static String describe(Kind kind, String serverMessage) {
        String head = switch (kind) {
            case ACCESS_ERROR -> "Odoo refused access (AccessError)";
            case AUTHENTICATION -> "Odoo refused the login or API key";
            case WRONG_DATABASE -> "Odoo has no such database";
            case MISSING_FIELD -> "Odoo does not know a field in the call";
            case MISSING_RECORD -> "Odoo record missing or deleted";
            case NOT_FOUND -> "Odoo has no such model or method";
            case USER_ERROR -> "Odoo refused the call";
            case SERVER_ERROR -> "Odoo server error";
        };
        return head + ": " + lastLine(serverMessage);
    }

    /** A fault string may be a whole Python traceback; its last line names the exception. */
    static String lastLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1).strip();
    }
}
