package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.Suggestion;
import io.github.customeremail.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code audit FILE.csv}: checks the email column of a whole contacts export (Odoo's res.partner by default) and
 * writes, beside it, {@code FILE.checked.csv} (every row, in order, with the verdict, suggestion, fixed address,
 * finding codes and a message) and {@code FILE.fixes.csv} (External ID + corrected email of only the rows to fix,
 * ready for Odoo's import). Prints a summary. Never modifies its input; both outputs appear atomically or not at all.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Checks every email of a CSV export (e.g. Odoo contacts) and writes FILE.checked.csv, "
                + "FILE.fixes.csv and a summary.",
            "Exit status: 0 when the audit was done (whatever the verdicts), 2 on bad usage, "
                + "1 when it could not be done (unreadable input, unwritable output)."})
final class AuditCommand implements Callable<Integer> {

    /** DNS checks in flight at once; also the size of the reorder window that keeps the input order. */
    static final int MAX_IN_FLIGHT = 256;
    /** Malformed rows reported one by one on stderr; the rest are only counted. */
    static final int MAX_REPORTED_MALFORMED = 20;
    /** Columns added after the original ones, in this order. */
    static final List<String> ADDED_COLUMNS = List.of(
            "email_verdict", "email_suggestion", "email_normalized", "email_findings", "email_message");
    /** Header names recognised as the email column, best first (Odoo field name, then labels). */
    static final List<String> EMAIL_HEADERS = List.of(
            "email", "e-mail", "correo electrónico", "correo electronico", "correo", "mail");
    /** Header names recognised as the External ID column. */
    static final List<String> ID_HEADERS = List.of("id", "external id", "id externo");

    /** Text encoding of the input. */
    enum InputEncoding {
        UTF_8("utf-8"), WINDOWS_1252("windows-1252"), AUTO("auto");

        final String label;

        InputEncoding(String label) {
            this.label = label;
        }

        static final class Converter implements CommandLine.ITypeConverter<InputEncoding> {
            @Override
            public InputEncoding convert(String value) {
                switch (value.trim().toLowerCase(Locale.ROOT)) {
                    case "utf-8", "utf8" -> {
                        return UTF_8;
                    }
                    case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1" -> {
                        return WINDOWS_1252;
                    }
                    case "auto" -> {
                        return AUTO;
                    }
                    default -> throw new CommandLine.TypeConversionException(
                            "--encoding must be utf-8, windows-1252 or auto, not '" + value + "'");
                }
            }
        }
    }

    /** The {@code --delimiter} option: 0 means detect from the header line. */
    static final class DelimiterConverter implements CommandLine.ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            return switch (value) {
                case "auto" -> '\0';
                case ",", ";" -> value.charAt(0);
                case "tab", "\t" -> '\t';
                default -> throw new CommandLine.TypeConversionException(
                        "--delimiter must be auto, ',' , ';' or tab, not '" + value + "'");
            };
        }
    }

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV export to audit (never modified).")
    Path file;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the checked CSV (default FILE.checked.csv beside the input). "
                    + "The rows to fix go to the same name ending in .fixes.csv.")
    Path out;

    @Option(names = "--column", paramLabel = "NAME",
            description = "The header of the email column (default: found by header, e.g. email).")
    String column;

    @Option(names = "--encoding", defaultValue = "auto", paramLabel = "utf-8|windows-1252|auto",
            converter = InputEncoding.Converter.class,
            description = "Input encoding (default auto: UTF-8, or windows-1252 when the file is not valid UTF-8).")
    InputEncoding encoding;

    @Option(names = "--delimiter", defaultValue = "auto", paramLabel = "auto|,|;",
            converter = DelimiterConverter.class,
            description = "Field separator (default auto: ';' when the header has more ';' than ',').")
    Character delimiter;

    @Spec
    CommandSpec spec;

    /** Whether to show progress; by default when stderr is a terminal. */
    boolean progress = System.console() != null;

    /** Builds the validator from the options (tests substitute one with a fake mail-domain checker). */
    java.util.function.Function<CommonOptions, CustomerEmailValidator> validators = o -> o.validator(spec);

    /** A reading or writing failure, with the message the user sees. */
    static class JobFailure extends Exception {
        JobFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The input turned out not to be UTF-8 while {@code --encoding auto} allowed a fallback: start again. */
    static final class NotUtf8 extends JobFailure {
        final Csv.InvalidUtf8 where;

        NotUtf8(Csv.InvalidUtf8 where) {
            super("not valid UTF-8", where);
            this.where = where;
        }
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliText text = options.text();
        Path input = file.toAbsolutePath().normalize();
        Path checked = (out != null ? out : sibling(input, ".checked.csv")).toAbsolutePath().normalize();
        Path fixes = fixesPathFor(checked);
        try {
            if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
                throw new JobFailure("cannot read " + input + ": "
                        + (Files.isDirectory(input) ? "it is a directory" : Files.exists(input)
                        ? "permission denied" : "no such file"), null);
            }
            if (Files.isDirectory(checked)) {
                err.println("error: --out " + checked + " is a directory; give a file name");
                err.flush();
                return Main.EXIT_USAGE;
            }
            for (Path p : List.of(checked, fixes)) {
                if (p.equals(input) || Files.exists(p) && Files.isSameFile(p, input)) {
                    err.println("error: " + p + " is the input file; the input is never overwritten "
                            + "(choose another --out)");
                    err.flush();
                    return Main.EXIT_USAGE;
                }
            }
            Audit audit = new Audit(input, checked, fixes, err, text, null);
            AuditSummary.Files files;
            try {
                files = audit.run();
            } catch (NotUtf8 e) {
                // A windows-1252 file usually fails in its first rows; the first pass is thrown away.
                err.println(text.get("audit.notUtf8", input, e.where.line, e.where.offset));
                audit = new Audit(input, checked, fixes, err, text, Charset.forName("windows-1252"));
                files = audit.run();
            }
            if (audit.usageError != null) {
                err.println("error: " + audit.usageError);
                err.flush();
                return Main.EXIT_USAGE;
            }
            stdout.print(options.format == CommonOptions.Format.JSON
                    ? audit.summary.json(files) + System.lineSeparator()
                    : audit.summary.text(files, text));
            stdout.flush();
            return 0;
        } catch (JobFailure | IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_FAILURE;
        }
    }

    /** {@code dir/name.csv} → {@code dir/name<suffix>} */
    static Path sibling(Path path, String suffix) {
        String name = path.getFileName().toString();
        String base = name.regionMatches(true, Math.max(0, name.length() - 4), ".csv", 0, 4)
                ? name.substring(0, name.length() - 4) : name;
        return path.resolveSibling(base + suffix);
    }

    /** {@code x.checked.csv} → {@code x.fixes.csv}; {@code other.csv} → {@code other.fixes.csv} */
    static Path fixesPathFor(Path checked) {
        String name = checked.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".checked.csv")) {
            return checked.resolveSibling(name.substring(0, name.length() - ".checked.csv".length()) + ".fixes.csv");
        }
        return sibling(checked, ".fixes.csv");
    }

    /** One audit run: streaming read → check (bounded window) → write in order. */
    private final class Audit {
        final Path input;
        final Path checked;
        final Path fixes;
        final PrintWriter err;
        final CliText text;
        final AuditSummary summary = new AuditSummary();
        final Charset forced;
        String usageError;
        private long reportedMalformed;
        private boolean fallbackAllowed;

        Audit(Path input, Path checked, Path fixes, PrintWriter err, CliText text, Charset forced) {
            this.forced = forced;
            this.input = input;
            this.checked = checked;
            this.fixes = fixes;
            this.err = err;
            this.text = text;
        }

        AuditSummary.Files run() throws JobFailure, IOException {
            long started = System.nanoTime();
            long size = Files.size(input);
            if (startsWithUtf16Bom(input)) {
                throw new JobFailure("cannot audit " + input + ": it is UTF-16 text (Excel's \"Unicode text\"); "
                        + "save it as \"CSV UTF-8\" and audit that file", null);
            }
            boolean bom = startsWithBom(input);
            Charset charset = chooseCharset(bom);
            Path tmpChecked = null;
            Path tmpFixes = null;
            try (InputStream bytes = Files.newInputStream(input)) {
                if (bom && charset == StandardCharsets.UTF_8) {
                    bytes.skipNBytes(3);
                }
                Csv.Lines lines = new Csv.Lines(bytes, charset, charset == StandardCharsets.UTF_8);
                Csv.Line firstLine = read(lines::next);
                if (firstLine == null) {
                    throw new JobFailure("cannot audit " + input + ": the file is empty (no header line)", null);
                }
                String headerText = firstLine.text();
                char sep = delimiter != '\0' ? delimiter : Csv.detectDelimiter(headerText);
                String newline = Csv.terminatorOf(headerText);
                lines.pushBack(List.of(firstLine));
                Csv.Reader4180 reader = new Csv.Reader4180(lines, sep);
                Csv.Row headerRow = read(reader::next);
                List<String> header = headerRow.fields();
                int emailIndex = emailColumn(header);
                if (emailIndex < 0) {
                    return null;
                }
                int idIndex = indexOf(header, ID_HEADERS);
                reader.expectFields(header.size());

                boolean writeBom = bom || charset != StandardCharsets.UTF_8;
                tmpChecked = createTemp(checked);
                tmpFixes = idIndex >= 0 ? createTemp(fixes) : null;
                if (idIndex < 0) {
                    err.println(text.get("audit.noIdColumn", fixes));
                }
                try (FileChannel checkedChannel = FileChannel.open(tmpChecked, StandardOpenOption.WRITE);
                     FileChannel fixesChannel = tmpFixes == null ? null
                             : FileChannel.open(tmpFixes, StandardOpenOption.WRITE);
                     CustomerEmailValidator validator = validators.apply(options)) {
                    Writer checkedWriter = writer(checkedChannel, writeBom);
                    Writer fixesWriter = fixesChannel == null ? null : writer(fixesChannel, writeBom);
                    Csv.Writer4180 checkedCsv = new Csv.Writer4180(checkedWriter, sep, newline);
                    Csv.Writer4180 fixesCsv = fixesWriter == null ? null
                            : new Csv.Writer4180(fixesWriter, sep, newline);
                    write(() -> {
                        if (headerRow.hasRaw()) {
                            checkedCsv.raw(headerRow);
                        } else {
                            for (int i = 0; i < header.size(); i++) {
                                checkedCsv.field(header.get(i), i == 0);
                            }
                        }
                        for (String added : ADDED_COLUMNS) {
                            checkedCsv.field(added, false);
                        }
                        checkedCsv.endRow();
                    });
                    if (fixesCsv != null) {
                        write(() -> fixesCsv.row(List.of("id", "email", "needs_confirmation")));
                    }
                    Emitter emitter = new Emitter(header.size(), emailIndex, idIndex, sep, checkedCsv, fixesCsv);
                    Progress meter = new Progress(size, lines::bytesRead, err, progress);
                    stream(reader, validator, emailIndex, emitter, meter);
                    meter.finish();
                    write(() -> {
                        checkedWriter.flush();
                        checkedChannel.force(true);
                        if (fixesWriter != null) {
                            fixesWriter.flush();
                            fixesChannel.force(true);
                        }
                    });
                }
                if (tmpFixes != null) {
                    move(tmpFixes, fixes);
                    tmpFixes = null;
                }
                move(tmpChecked, checked);
                tmpChecked = null;
                if (reportedMalformed > MAX_REPORTED_MALFORMED) {
                    err.println(text.get("audit.moreMalformed", reportedMalformed - MAX_REPORTED_MALFORMED));
                }
                err.flush();
                // Paths are shown as the user gave them.
                Path shownChecked = out != null ? out : sibling(file, ".checked.csv");
                return new AuditSummary.Files(file.toString(), charset.name(), sep, header.get(emailIndex),
                        shownChecked.toString(), idIndex >= 0 ? fixesPathFor(shownChecked).toString() : null,
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                deleteQuietly(tmpChecked);
                deleteQuietly(tmpFixes);
            }
        }

        private void stream(Csv.Reader4180 reader, CustomerEmailValidator validator, int emailIndex,
                            Emitter emitter, Progress meter) throws JobFailure {
            boolean offline = validator.mailDomainChecker().isEmpty();
            ArrayDeque<Pending> window = new ArrayDeque<>();
            Csv.Row row;
            while ((row = read(reader::next)) != null) {
                meter.tick();
                String email = row.problem() != null || emailIndex >= row.fields().size()
                        ? null : row.fields().get(emailIndex);
                if (offline) {
                    emitter.emit(row, email == null || email.isBlank() ? null : validator.checkOffline(email));
                    continue;
                }
                CompletableFuture<EmailCheck> future = email == null || email.isBlank() ? null
                        : validator.checkAsync(email);
                window.addLast(new Pending(row, future));
                while (!window.isEmpty() && (window.size() >= MAX_IN_FLIGHT
                        || window.peekFirst().future() == null || window.peekFirst().future().isDone())) {
                    Pending p = window.pollFirst();
                    emitter.emit(p.row(), p.future() == null ? null : p.future().join());
                }
            }
            while (!window.isEmpty()) {
                Pending p = window.pollFirst();
                emitter.emit(p.row(), p.future() == null ? null : p.future().join());
            }
        }

        /** Writes one row to both outputs and counts it. */
        private final class Emitter {
            final int width;
            final int emailIndex;
            final int idIndex;
            final char sep;
            final Csv.Writer4180 checkedCsv;
            final Csv.Writer4180 fixesCsv;
            final Locale locale = options.locale();
            final StringBuilder codes = new StringBuilder(64);

            Emitter(int width, int emailIndex, int idIndex, char sep, Csv.Writer4180 checkedCsv,
                    Csv.Writer4180 fixesCsv) {
                this.width = width;
                this.emailIndex = emailIndex;
                this.idIndex = idIndex;
                this.sep = sep;
                this.checkedCsv = checkedCsv;
                this.fixesCsv = fixesCsv;
            }

            void emit(Csv.Row row, EmailCheck check) throws JobFailure {
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
                    fix(fields, check);
                }
                String v = verdict;
                String s = suggestion;
                String n = normalized;
                String m = message;
                write(() -> {
                    if (row.problem() == null && row.hasRaw()) {
                        checkedCsv.raw(row);            // the original columns exactly as read
                        writeAdded(v, s, n, m);
                        return;
                    }
                    int count = Math.min(fields.size(), width);
                    for (int i = 0; i < count; i++) {
                        String value = fields.get(i);
                        if (i == width - 1 && fields.size() > width) {
                            // Surplus fields of a malformed row are kept, joined into the last column.
                            value = String.join(String.valueOf(sep), fields.subList(i, fields.size()));
                        }
                        checkedCsv.field(value, i == 0);
                    }
                    for (int i = count; i < width; i++) {
                        checkedCsv.field("", i == 0);
                    }
                    writeAdded(v, s, n, m);
                });
            }

            private void writeAdded(String verdict, String suggestion, String normalized, String message)
                    throws IOException {
                checkedCsv.field(verdict, false);
                checkedCsv.field(suggestion, false);
                checkedCsv.field(normalized, false);
                checkedCsv.field(codes.toString(), false);
                checkedCsv.field(message, false);
                checkedCsv.endRow();
            }

            private void fix(List<String> fields, EmailCheck check) throws JobFailure {
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
                String id = idIndex >= 0 && idIndex < fields.size() ? fields.get(idIndex) : "";
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
                if (fixesCsv != null) {
                    write(() -> fixesCsv.row(List.of(id, email, confirm ? "yes" : "no")));
                }
            }
        }

        private int emailColumn(List<String> header) {
            if (column != null) {
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).strip().equalsIgnoreCase(column.strip())) {
                        return i;
                    }
                }
                usageError = "no column '" + column + "' in the header of " + input + ": " + shown(header);
                return -1;
            }
            int i = indexOf(header, EMAIL_HEADERS);
            if (i < 0) {
                usageError = "no email column found in the header of " + input + ": " + shown(header)
                        + "; name it with --column NAME";
            }
            return i;
        }

        private Charset chooseCharset(boolean bom) {
            if (forced != null) {
                return forced;
            }
            if (encoding == InputEncoding.WINDOWS_1252) {
                return Charset.forName("windows-1252");
            }
            // auto: UTF-8 (strict); the first invalid byte restarts the audit as windows-1252 (see NotUtf8).
            fallbackAllowed = encoding == InputEncoding.AUTO && !bom;
            return StandardCharsets.UTF_8;
        }

        private Path createTemp(Path target) throws JobFailure {
            Path dir = target.getParent();
            // Not Files.createTempFile: its 0600 permissions would end up on the output; this follows the umask.
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (IOException e) {
                throw new JobFailure("cannot write " + target + ": " + reason(e, dir), e);
            }
        }

        private void move(Path tmp, Path target) throws JobFailure {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new JobFailure("cannot write " + target + ": " + reason(e, target), e);
            }
        }

        private <T> T read(IoSupplier<T> step) throws JobFailure {
            try {
                return step.get();
            } catch (Csv.InvalidUtf8 e) {
                if (fallbackAllowed) {
                    throw new NotUtf8(e);
                }
                throw new JobFailure(input + " is not valid UTF-8 (line " + e.line + ", byte " + e.offset
                        + "); use --encoding windows-1252 or --encoding auto", e);
            } catch (IOException e) {
                throw new JobFailure("cannot read " + input + ": " + reason(e, input), e);
            }
        }

        private void write(IoAction step) throws JobFailure {
            try {
                step.run();
            } catch (IOException | UncheckedIOException e) {
                throw new JobFailure("cannot write " + checked + ": " + reason(e, checked.getParent()), e);
            }
        }
    }

    private record Pending(Csv.Row row, CompletableFuture<EmailCheck> future) { }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private static Writer writer(FileChannel channel, boolean bom) throws IOException {
        Writer w = new Csv.Utf8Writer(Channels.newOutputStream(channel));
        if (bom) {
            w.write('\uFEFF');
        }
        return w;
    }

    static int indexOf(List<String> header, List<String> names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String reason(Exception e, Path path) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + (path == null ? "" : " (" + path + ")");
        } else if (e instanceof AccessDeniedException) {
            return "permission denied" + (path == null ? "" : " (" + path + ")");
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + (path == null ? "" : " (" + path + ")");
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * A header as it can safely be shown in an error: control characters escaped (a garbage file must not drive the
     * terminal) and cut to a readable length.
     */
    static String shown(List<String> header) {
        String text = header.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200) + 16);
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() < text.length() ? out.append("…").toString() : out.toString();
    }

    static boolean startsWithUtf16Bom(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                    || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
        }
    }

    static boolean startsWithBom(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a hidden .tmp file is left, never a file pretending to be complete
            }
        }
    }
}
