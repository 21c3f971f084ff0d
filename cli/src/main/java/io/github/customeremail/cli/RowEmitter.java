package io.github.customeremail.cli;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.Suggestion;
import io.github.customeremail.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes each row, in input order, to the checked file (the original columns, then the verdict, suggestion, fixed
 * address, finding codes and message), writes the rows to fix to the fixes file, counts every row in the
 * {@link AuditSummary}, and reports the first malformed rows on stderr.
 */
final class RowEmitter {

    /** Columns added after the original ones, in this order. */
    static final List<String> ADDED_COLUMNS = List.of(
            "email_verdict", "email_suggestion", "email_normalized", "email_findings", "email_message");
    /** Malformed rows reported one by one on stderr; the rest are only counted. */
    static final int MAX_REPORTED_MALFORMED = 20;

    /** Where the emitter writes. */
    record Target(Path checkedFile, RowWriter checked, RowWriter fixes) { }

    private final int width;
    private final int idIndex;
    private final char delimiter;
    private final Target target;
    private final AuditSummary summary;
    private final PrintWriter err;
    private final ResolverWarning resolverWarning;
    private final CliText text;
    private final Locale locale;
    private final StringBuilder codes = new StringBuilder(64);
    private long reportedMalformed;

    /**
     * @param width     the number of columns of the header
     * @param idIndex   the External ID column, or -1
     * @param delimiter the field separator, to rejoin the surplus fields of a malformed row
     * @param target    the outputs ({@code fixes} may be {@code null})
     */
    RowEmitter(int width, int idIndex, char delimiter, Target target, AuditSummary summary, PrintWriter err,
               CliText text, Locale locale) {
        this.width = width;
        this.idIndex = idIndex;
        this.delimiter = delimiter;
        this.target = target;
        this.summary = summary;
        this.err = err;
        this.resolverWarning = new ResolverWarning(err, text);
        this.text = text;
        this.locale = locale;
    }

    /** Writes the header row with the added columns. */
    void header(CsvRow headerRow) throws AuditFailure {
        RowWriter checked = target.checked();
        AuditFailure.writing(target.checkedFile(), () -> {
            checked.original(headerRow);
            for (String added : ADDED_COLUMNS) {
                checked.added(added);
            }
            checked.endRow();
        });
    }

    /**
     * @param row   the row as read
     * @param check its email's check, or {@code null} when the row is malformed or has no email
     */
    void emit(CsvRow row, EmailCheck check) throws AuditFailure {
        resolverWarning.note(check);
        List<String> fields = row.fields();
        String verdict;
        String suggestion = "";
        String normalized = "";
        String message = "";
        codes.setLength(0);
        if (row.problem() != null) {
            summary.addMalformed();
            verdict = "MALFORMED";
            message = text.get("audit.malformedRow", row.problem().text(text));
            if (++reportedMalformed <= MAX_REPORTED_MALFORMED) {
                err.println(text.get("audit.malformedRowReported", row.line(), message));
            }
        } else if (check == null) {
            summary.addNoEmail();
            verdict = "NO_EMAIL";
        } else {
            summary.add(check);
            verdict = check.verdict().name();
            suggestion = check.suggestion().map(Suggestion::address).orElse("");
            normalized = check.normalized().orElse("");
            for (Finding f : check.findings()) {
                codes.append(codes.length() == 0 ? "" : " ").append(f.code().id());
            }
            message = check.headline(locale).orElse("");
            fix(row, check);
        }
        String v = verdict;
        String s = suggestion;
        String n = normalized;
        String m = message;
        RowWriter checked = target.checked();
        AuditFailure.writing(target.checkedFile(), () -> {
            if (row.problem() == null || row.streamed()) {
                checked.original(row);                  // the original columns exactly as read
                for (int i = fields.size(); i < width; i++) {
                    checked.field("", false);           // a short malformed row, padded to the header
                }
                writeAdded(v, s, n, m);
                return;
            }
            int count = Math.min(fields.size(), width);
            for (int i = 0; i < count; i++) {
                String value = fields.get(i);
                if (i == width - 1 && fields.size() > width) {
                    // Surplus fields of a malformed row are kept, joined into the last column.
                    value = String.join(String.valueOf(delimiter), fields.subList(i, fields.size()));
                }
                checked.field(value, i == 0);
            }
            for (int i = count; i < width; i++) {
                checked.field("", i == 0);
            }
            writeAdded(v, s, n, m);
        });
    }

    /** @return the malformed rows seen so far */
    long malformedRows() {
        return reportedMalformed;
    }

    private void writeAdded(String verdict, String suggestion, String normalized, String message)
            throws IOException {
        RowWriter checked = target.checked();
        // Added for people who open the file in a spreadsheet: never a formula (the original cells stay as read).
        checked.added(verdict);
        checked.added(suggestion);
        checked.added(normalized);
        checked.added(codes.toString());
        checked.added(message);
        checked.endRow();
    }

    private void fix(CsvRow row, EmailCheck check) throws AuditFailure {
        List<String> fields = row.fields();
        String email;
        boolean confirm;
        if (check.verdict() == Verdict.SUGGEST) {
            email = check.suggestion().orElseThrow().address();
            confirm = true;
        } else if ((check.verdict() == Verdict.VALID || check.verdict() == Verdict.UNKNOWN)
                && check.normalized().isPresent() && !check.normalized().get().equals(check.input())) {
            email = check.normalized().get();
            confirm = false;
        } else {
            return;
        }
        String id = idIndex >= 0 && idIndex < fields.size() && !row.overLimit().contains(idIndex)
                ? fields.get(idIndex) : "";
        if (id.isBlank()) {
            // Odoo would create a new contact for a row without an External ID: never write one.
            summary.fixesWithoutId++;
            return;
        }
        if (confirm) {
            summary.fixesToConfirm++;
        } else {
            summary.safeFixes++;
        }
        RowWriter fixes = target.fixes();
        if (fixes != null) {
            AuditFailure.writing(target.checkedFile(), () -> fixes.row(List.of(id, email, confirm ? "yes" : "no")));
        }
    }
}
