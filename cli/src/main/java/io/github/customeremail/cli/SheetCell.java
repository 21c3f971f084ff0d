package io.github.customeremail.cli;

/**
 * One non-empty cell of a spreadsheet row as read, enough to write it back as it was: its kind, its value as the
 * sheet stores it, and its number format (so that a date stays a date).
 *
 * @param kind   what the cell holds
 * @param value  a string's text, a number's decimal digits, {@code 1}/{@code 0} for a boolean, an error's code
 *               (a formula cell is read as the value its last calculation saved)
 * @param format the number format (e.g. {@code yyyy-mm-dd}), or {@code null}
 */
record SheetCell(Kind kind, String value, String format) {

    /** What a cell holds. */
    enum Kind { STRING, NUMBER, BOOLEAN, ERROR }

    /** @return the value as text, as the audit reads a cell (a boolean as TRUE/FALSE) */
    String text() {
        return kind == Kind.BOOLEAN ? ("1".equals(value) ? "TRUE" : "FALSE") : value;
    }
}
