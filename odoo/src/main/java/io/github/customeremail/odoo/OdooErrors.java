package io.github.customeremail.odoo;

/** Reads the kind of an unclassified server error from the exception line Odoo reports. */
final class OdooErrors {

    private OdooErrors() {
    }

    /**
     * @param exceptionLine the last line of a traceback or a JSON-2 {@code message}, e.g.
     *                      {@code ValueError: Invalid field 'x' on model 'res.partner'}
     */
    static OdooFaultException.Kind kindOfServerError(String exceptionLine) {
        String line = exceptionLine == null ? "" : exceptionLine;
        if (line.contains("Invalid field")) {
            return OdooFaultException.Kind.MISSING_FIELD;
        }
        if (line.contains("database") && line.contains("does not exist")) {
            // psycopg2.OperationalError: ... FATAL:  database "x" does not exist
            return OdooFaultException.Kind.WRONG_DATABASE;
        }
        if (line.contains("AccessDenied")) {
            return OdooFaultException.Kind.AUTHENTICATION;
        }
        if (line.contains("AccessError")) {
            return OdooFaultException.Kind.ACCESS_ERROR;
        }
        if (line.startsWith("KeyError") || line.contains("does not exist on the model")
                || line.contains("Private methods")) {
            return OdooFaultException.Kind.NOT_FOUND;
        }
        return OdooFaultException.Kind.SERVER_ERROR;
    }
}
