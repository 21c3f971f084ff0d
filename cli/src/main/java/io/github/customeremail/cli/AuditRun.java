package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.dns.DnsMailDomainChecker;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * One pass of an audit over its input: sniff the header, then stream rows through the validator (a bounded window
 * of DNS checks in flight, results emitted in input order) into the {@link StagedOutput}s, committed at the end.
 */
final class AuditRun {

    /**
     * Rows read ahead of the oldest row not yet written (the reorder window that keeps the input order). Large, so
     * that the lookups of many slow domains overlap instead of each stalling the output in turn.
     */
    static final int MAX_IN_FLIGHT = 4096;
    /**
     * DNS questions a new domain asks at most at once: MX, then A and AAAA of a mail host. The audit keeps a third as
     * many domains in flight as the checker has query slots, so that no question waits for a slot and the checker's
     * deadline (which starts with the check) measures DNS, not a queue.
     */
    static final int QUESTIONS_PER_NEW_DOMAIN = 3;
    /** Domains in flight by default ({@code --dns-parallel}): the audit's checker gets three times as many slots. */
    static final int DEFAULT_DOMAINS_IN_FLIGHT = 64;
    /** The most {@code --dns-parallel} accepts: each slot may hold a UDP socket. */
    static final int MAX_DOMAINS_IN_FLIGHT = 256;
    /**
     * Memory the rows read ahead may hold (see {@link #weight}): with cells of up to a megabyte, 4096 rows could
     * otherwise hold gigabytes. Past it, the oldest row is waited for.
     */
    static final long MAX_WINDOW_BYTES = 64L << 20;

    /** What the command line asked for. */
    record Request(Path input, Path checked, Path fixes, Path shownInput, Path shownChecked, String column,
                   char delimiter, InputEncoding encoding, boolean progress) { }

    private final Request request;
    private final CustomerEmailValidatorFactory validators;
    private final PrintWriter err;
    private final CliText text;
    private final Locale locale;
    /** The charset to read with after a first pass found the input not to be UTF-8, or {@code null}. */
    private final Charset forced;
    final AuditSummary summary = new AuditSummary();
    /** Set when the header has no email column: a usage error, not a failure. */
    String usageError;
    private boolean fallbackAllowed;

    /** Builds the validator once the input looks auditable (tests substitute one). */
    @FunctionalInterface
    interface CustomerEmailValidatorFactory {
        CustomerEmailValidator create();
    }

    AuditRun(Request request, CustomerEmailValidatorFactory validators, PrintWriter err, CliText text,
             Locale locale, Charset forced) {
        this.request = request;
        this.validators = validators;
        this.err = err;
        this.text = text;
        this.locale = locale;
        this.forced = forced;
    }

    /** @return where the audit read and wrote, or {@code null} after a {@link #usageError} */
    AuditSummary.Files run() throws AuditFailure, IOException {
        long started = System.nanoTime();
        Path input = request.input();
        long size = Files.size(input);
        if (InputSniffer.startsWithUtf16Bom(input)) {
            throw new AuditFailure("cannot audit " + input + ": it is UTF-16 text (Excel's \"Unicode text\"); "
                    + "save it as \"CSV UTF-8\" and audit that file", null);
        }
        if (XlsxReader.isXlsx(input)) {
            return runXlsx(started, input);
        }
        boolean bom = InputSniffer.startsWithBom(input);
        Charset charset = chooseCharset(bom);
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ);
             FileChannel copies = FileChannel.open(input, StandardOpenOption.READ)) {
            long start = bom && charset == StandardCharsets.UTF_8 ? 3 : 0;
            String headerText = InputSniffer.firstLine(in, start, charset);
            if (headerText.isEmpty()) {
                throw new AuditFailure("cannot audit " + input + ": the file is empty (no header line)", null);
            }
            char sep = request.delimiter() != '\0' ? request.delimiter() : InputSniffer.detectDelimiter(headerText);
            String newline = InputSniffer.terminatorOf(headerText);
            LenientCsvReader reader = new LenientCsvReader(in, start, charset, charset == StandardCharsets.UTF_8,
                    sep, LenientCsvReader.DEFAULT_CELL_LIMIT);
            CsvRow headerRow = read(reader::next);
            if (headerRow.streamed()) {
                throw new AuditFailure("cannot audit " + input + ": its header line is longer than "
                        + LenientCsvReader.DEFAULT_CELL_LIMIT + " bytes", null);
            }
            boolean writeBom = bom || charset != StandardCharsets.UTF_8;
            CsvWriter.Source originals = new CsvWriter.Source(copies, charset);
            return audit(reader, headerRow, new Format(charset.name(), sep, channel -> {
                Writer writer = writer(channel, writeBom);
                return new Output(new CsvWriter(writer, sep, newline, originals), writer::flush);
            }), started, size);
        }
    }

    /** An {@code .xlsx} input: the first sheet, and outputs in the same format. */
    private AuditSummary.Files runXlsx(long started, Path input) throws AuditFailure, IOException {
        try (XlsxReader reader = new XlsxReader(input)) {
            CsvRow headerRow = read(reader::next);
            if (headerRow == null) {
                throw new AuditFailure("cannot audit " + input + ": its first sheet is empty (no header row)", null);
            }
            return audit(reader, headerRow, new Format("XLSX", '\0', channel -> {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                XlsxWriter writer = new XlsxWriter(out, reader.sheetName());
                return new Output(writer, () -> {
                    writer.finish();
                    out.flush();
                });
            }), started, -1);           // how much of the sheet is read is not known: no share, no ETA
        }
    }

    /** How the outputs are written: the input's format. */
    private record Format(String name, char delimiter, Outputs outputs) { }

    /** Opens a writer of the input's format over an output file. */
    @FunctionalInterface
    private interface Outputs {
        Output open(FileChannel channel) throws IOException;
    }

    /** A writer and what writes its last bytes out. */
    private record Output(RowWriter writer, AuditFailure.IoAction finish) { }

    private AuditSummary.Files audit(RowSource reader, CsvRow headerRow, Format format, long started, long size)
            throws AuditFailure, IOException {
        Path input = request.input();
        List<String> header = headerRow.fields();
        int emailIndex = InputSniffer.emailColumn(header, request.column());
        if (emailIndex < 0) {
            usageError = InputSniffer.noEmailColumn(header, request.column(), input);
            return null;
        }
        int idIndex = InputSniffer.indexOf(header, InputSniffer.ID_HEADERS);
        reader.expectFields(header.size());
        reader.keepCells(emailIndex, idIndex);
        StagedOutput checked = null;
        StagedOutput fixes = null;
        try {
            checked = StagedOutput.beside(request.checked());
            fixes = idIndex >= 0 ? StagedOutput.beside(request.fixes()) : null;
            if (idIndex < 0) {
                err.println(text.get("audit.noIdColumn", request.fixes()));
            }
            long malformed;
            try (FileChannel checkedChannel = checked.open();
                 FileChannel fixesChannel = fixes == null ? null : fixes.open();
                 CustomerEmailValidator validator = validators.create()) {
                Output checkedOut = format.outputs().open(checkedChannel);
                Output fixesOut = fixesChannel == null ? null : format.outputs().open(fixesChannel);
                RowWriter fixesWriter = fixesOut == null ? null : fixesOut.writer();
                RowEmitter emitter = new RowEmitter(header.size(), idIndex, format.delimiter(), new RowEmitter.Target(
                        request.checked(), checkedOut.writer(), fixesWriter), summary, err, text, locale);
                emitter.header(headerRow);
                if (fixesWriter != null) {
                    AuditFailure.writing(request.checked(),
                            () -> fixesWriter.row(List.of("id", "email", "needs_confirmation")));
                }
                Progress meter = new Progress(size, reader::bytesRead, err, request.progress());
                stream(reader, validator, emailIndex, emitter, meter);
                meter.finish();
                AuditFailure.writing(request.checked(), () -> {
                    checkedOut.finish().run();
                    checkedChannel.force(true);
                    if (fixesOut != null) {
                        fixesOut.finish().run();
                        fixesChannel.force(true);
                    }
                });
                malformed = emitter.malformedRows();
            }
            if (fixes != null) {
                fixes.commit();
            }
            checked.commit();
            if (malformed > RowEmitter.MAX_REPORTED_MALFORMED) {
                err.println(text.get("audit.moreMalformed", malformed - RowEmitter.MAX_REPORTED_MALFORMED));
            }
            err.flush();
            // Paths are shown as the user gave them.
            return new AuditSummary.Files(request.shownInput().toString(), format.name(), format.delimiter(),
                    header.get(emailIndex), request.shownChecked().toString(),
                    idIndex >= 0 ? AuditCommand.fixesPathFor(request.shownChecked(),
                            AuditCommand.extension(request.fixes().getFileName().toString())).toString() : null,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (checked != null) {
                checked.discard();
            }
            if (fixes != null) {
                fixes.discard();
            }
        }
    }

    private void stream(RowSource reader, CustomerEmailValidator validator, int emailIndex,
                        RowEmitter emitter, Progress meter) throws AuditFailure {
        boolean offline = validator.mailDomainChecker().isEmpty();
        ArrayDeque<Pending> window = new ArrayDeque<>();
        Semaphore domainSlots = new Semaphore(domainsInFlight(validator));
        ConcurrentMap<String, CompletableFuture<EmailCheck>> lookups = new ConcurrentHashMap<>();
        long windowBytes = 0;
        CsvRow row;
        while ((row = read(reader::next)) != null) {
            meter.tick();
            String email = row.problem() != null || emailIndex >= row.fields().size()
                    ? null : row.fields().get(emailIndex);
            if (email != null && row.overLimit().contains(emailIndex)) {
                // Far past any address: the validator refuses it as too long from its first characters.
                email = email.substring(0, CustomerEmailValidator.MAX_INPUT_LENGTH + 1);
            }
            if (offline) {
                emitter.emit(row, email == null || email.isBlank() ? null : validator.checkOffline(email));
                continue;
            }
            CompletableFuture<EmailCheck> future = email == null || email.isBlank() ? null
                    : validator.checkAsync(email);
            if (future != null && !future.isDone()) {
                holdDomainSlot(domainOf(email), future, lookups, domainSlots);
            }
            Pending pending = new Pending(row, future, weight(row));
            window.addLast(pending);
            windowBytes += pending.weight();
            while (!window.isEmpty() && (window.size() >= MAX_IN_FLIGHT || windowBytes > MAX_WINDOW_BYTES
                    || window.peekFirst().future() == null || window.peekFirst().future().isDone())) {
                Pending p = window.pollFirst();
                windowBytes -= p.weight();
                emitter.emit(p.row(), p.future() == null ? null : p.future().join());
            }
        }
        while (!window.isEmpty()) {
            Pending p = window.pollFirst();
            emitter.emit(p.row(), p.future() == null ? null : p.future().join());
        }
    }

    /**
     * Domains whose lookup is in flight at once (one more while the reader waits for a slot): a third of the DNS
     * checker's query slots, so that the two agree (see {@link #QUESTIONS_PER_NEW_DOMAIN}); for another checker
     * {@link #DEFAULT_DOMAINS_IN_FLIGHT}. Rows of a domain already in flight or cached take no slot.
     */
    static int domainsInFlight(CustomerEmailValidator validator) {
        return validator.mailDomainChecker()
                .filter(DnsMailDomainChecker.class::isInstance)
                .map(c -> Math.max(1, ((DnsMailDomainChecker) c).maxConcurrentLookups() / QUESTIONS_PER_NEW_DOMAIN))
                .orElse(DEFAULT_DOMAINS_IN_FLIGHT);
    }

    /**
     * Counts a domain's lookup against the domains in flight until it completes; waits for a slot when they are all
     * taken. A domain already in flight takes none.
     */
    private static void holdDomainSlot(String domain, CompletableFuture<EmailCheck> future,
                                       ConcurrentMap<String, CompletableFuture<EmailCheck>> lookups,
                                       Semaphore slots) {
        if (lookups.putIfAbsent(domain, future) != null) {
            return;
        }
        slots.acquireUninterruptibly();
        future.whenComplete((c, e) -> {
            lookups.remove(domain, future);
            slots.release();
        });
    }

    /** The domain of an address as typed, lower case, as a key for counting the domains in flight. */
    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    }

    private record Pending(CsvRow row, CompletableFuture<EmailCheck> future, long weight) { }

    /** About the memory a row holds while it waits in the window: its bytes and its cells (two bytes a char). */
    static long weight(CsvRow row) {
        long weight = row.raw() == null ? 0 : row.raw().length;
        if (row.fields() instanceof CsvCells cells) {
            return weight + cells.weight();         // without decoding the cells the audit does not read
        }
        for (String field : row.fields()) {
            weight += field == null ? 0 : 2L * field.length();
        }
        return weight;
    }

    private Charset chooseCharset(boolean bom) {
        if (forced != null) {
            return forced;
        }
        if (request.encoding() == InputEncoding.WINDOWS_1252) {
            return Charset.forName("windows-1252");
        }
        // auto: UTF-8 (strict); the first invalid byte restarts the audit as windows-1252 (see NotUtf8).
        fallbackAllowed = request.encoding() == InputEncoding.AUTO && !bom;
        return StandardCharsets.UTF_8;
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private <T> T read(IoSupplier<T> step) throws AuditFailure {
        try {
            return step.get();
        } catch (LenientCsvReader.InvalidUtf8 e) {
            if (fallbackAllowed) {
                throw new AuditFailure.NotUtf8(e);
            }
            throw new AuditFailure(request.input() + " is not valid UTF-8 (line " + e.line + ", byte " + e.offset
                    + "); use --encoding windows-1252 or --encoding auto", e);
        } catch (IOException e) {
            throw new AuditFailure("cannot read " + request.input() + ": " + AuditFailure.reason(e, request.input()),
                    e);
        }
    }

    private static Writer writer(FileChannel channel, boolean bom) throws IOException {
        Writer w = new Utf8Writer(Channels.newOutputStream(channel));
        if (bom) {
            w.write('\uFEFF');
        }
        return w;
    }
}
