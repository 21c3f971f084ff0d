package io.github.customeremail.cli;

/**
 * Keeps a cell the tool writes for people from being run as a formula by Excel or LibreOffice (OWASP, "CSV
 * Injection"): a value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading apostrophe, which spreadsheets show as text. Only for the columns the tool adds to files meant to be
 * opened: the user's own cells are written back as read, and the fixes file for Odoo's importer gets none, because
 * Odoo reads CSV with Python's {@code csv} module and would store the apostrophe as part of the address.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    /**
     * @param value a cell the tool adds, or {@code null}
     * @return the value, with a leading apostrophe when a spreadsheet would take it for a formula
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
