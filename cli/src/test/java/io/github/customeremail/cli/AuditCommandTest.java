package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.customeremail.cli.CliRun.Run;
import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.MailDomainChecker;
import io.github.customeremail.MailDomainStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    static final String SAMPLE = "odoo-contacts-sample.csv";
    static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    Path sample() throws IOException {
        Path file = dir.resolve("contactos.csv");
        try (InputStream in = AuditCommandTest.class.getResourceAsStream(SAMPLE)) {
            Files.copy(in, file);
        }
        return file;
    }

    static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    /** Reads a CSV written by the audit (UTF-8, optional BOM) with the project's own reader. */
    static List<List<String>> csv(Path file, char delimiter) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? 3 : 0;
        byte[] body = java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
        return CsvTest.read(body, StandardCharsets.UTF_8, delimiter, -1).stream().map(CsvRow::fields).toList();
    }

    /** Rows of the checked file as maps from header to value. */
    static List<Map<String, String>> records(Path file, char delimiter) throws IOException {
        List<List<String>> rows = csv(file, delimiter);
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < row.size() ? row.get(i) : null);
            }
            out.add(m);
        }
        return out;
    }

    static Map<String, String> byId(List<Map<String, String>> rows, String idSuffix) {
        return rows.stream().filter(r -> r.get("id").contains(idSuffix)).findFirst().orElseThrow();
    }

    @Test
    void sampleExportKeepsEveryRowInOrderAndLeavesTheInputUntouched() throws Exception {
        Path input = sample();
        byte[] before = sha256(input);
        List<List<String>> original = csv(input, ',');

        Run r = run("audit", "--dns", "off", "--lang", "en", input.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(sha256(input)).isEqualTo(before);
        Path checked = dir.resolve("contactos.checked.csv");
        List<List<String>> out = csv(checked, ',');
        assertThat(out).hasSameSizeAs(original);
        assertThat(out.get(0)).containsExactly("id", "name", "email", "phone", "city", "country_id",
                "email_verdict", "email_suggestion", "email_normalized", "email_findings", "email_message");
        for (int i = 0; i < original.size(); i++) {
            assertThat(out.get(i).subList(0, 6)).as("row %d", i).isEqualTo(original.get(i));
        }
        List<Map<String, String>> rows = records(checked, ',');
        assertThat(byId(rows, "_101_")).containsEntry("email_verdict", "VALID")
                .containsEntry("email_normalized", "juan.perez@gmail.com")
                .containsEntry("email_findings", "COMMA_IN_DOMAIN_REPLACED");
        assertThat(byId(rows, "_102_")).containsEntry("email_normalized", "maria.gonzalez@hotmail.com");
        assertThat(byId(rows, "_103_")).containsEntry("email_normalized", "carlos.ramirez@yahoo.com");
        assertThat(byId(rows, "_104_")).containsEntry("email_normalized", "lucia.fernandez@outlook.es");
        assertThat(byId(rows, "_105_")).containsEntry("email_normalized", "sofia.martinez@gmail.com");
        assertThat(byId(rows, "_107_")).containsEntry("email_verdict", "NO_EMAIL");
        assertThat(byId(rows, "_120_")).containsEntry("email_verdict", "NO_EMAIL");
        assertThat(byId(rows, "_108_")).containsEntry("email_verdict", "INVALID")
                .containsEntry("email_findings", "MISSING_AT")
                .containsEntry("email_message", "The address has no @.");
        assertThat(byId(rows, "_109_").get("name")).isEqualTo("Ferretería El Tornillo, S.A.\nSucursal Norte");
        assertThat(byId(rows, "_119_").get("name")).isEqualTo("Gabriela \"Gaby\" Herrera");
        // Typo rows are suggestions, never silently "fixed".
        assertThat(byId(rows, "_110_")).containsEntry("email_verdict", "SUGGEST")
                .containsEntry("email_suggestion", "pedro.sanchez@gmail.com")
                .containsEntry("email_normalized", "pedro.sanchez@gmial.com");
        assertThat(byId(rows, "_111_")).containsEntry("email_verdict", "SUGGEST")
                .containsEntry("email_suggestion", "ana.lopez@hotmail.com")
                .containsEntry("email_normalized", "")
                .containsEntry("email_findings", "TLD_UNKNOWN DOMAIN_TYPO");
        assertThat(r.out()).contains("rows", "22", "no email", "Would bounce as typed");
    }

    @Test
    void summaryInPortuguese() throws Exception {
        Run r = run("audit", "--dns", "off", "--lang", "pt", sample().toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Auditoria de ").contains("coluna email", "com e-mail", "sem e-mail",
                "Seriam devolvidos como digitados:     ", "Ocorrências (linhas)", "hotmail.con → hotmail.com",
                "Para o Odoo:");
        assertThat(records(dir.resolve("contactos.checked.csv"), ',')).anySatisfy(row ->
                assertThat(row.get("email_message")).isEqualTo("Você quis dizer pedro.sanchez@gmail.com?"));
    }

    @Test
    void fixesFileHoldsOnlyRowsToFixWithTheirExternalId() throws Exception {
        Path input = sample();
        assertThat(run("audit", "--dns", "off", input.toString()).status()).isZero();
        List<List<String>> fixes = csv(dir.resolve("contactos.fixes.csv"), ',');
        List<Map<String, String>> checked = records(dir.resolve("contactos.checked.csv"), ',');

        assertThat(fixes.get(0)).containsExactly("id", "email", "needs_confirmation");
        assertThat(fixes).contains(
                List.of("__export__.res_partner_101_a1b2c3", "juan.perez@gmail.com", "no"),
                List.of("__export__.res_partner_114_b9b8b7", "camila.vargas@gmail.com", "no"));
        List<String> ids = fixes.stream().skip(1).map(f -> f.get(0)).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> !id.isBlank())
                .noneMatch(id -> id.contains("_108_") || id.contains("_115_") || id.contains("_116_")
                        || id.contains("_117_") || id.contains("_107_"));
        for (List<String> fix : fixes.subList(1, fixes.size())) {
            Map<String, String> row = checked.stream().filter(c -> c.get("id").equals(fix.get(0))).findFirst()
                    .orElseThrow();
            if (fix.get(2).equals("yes")) {
                assertThat(row).containsEntry("email_verdict", "SUGGEST")
                        .containsEntry("email_suggestion", fix.get(1));
            } else {
                assertThat(fix.get(2)).isEqualTo("no");
                assertThat(row).containsEntry("email_verdict", "VALID"); // --dns off: never UNKNOWN
                assertThat(row).containsEntry("email_normalized", fix.get(1));
                assertThat(row.get("email")).isNotEqualTo(fix.get(1));
            }
        }
        // Every SUGGEST row with an id is there, marked for confirmation (none while the corrector is absent).
        checked.stream().filter(c -> c.get("email_verdict").equals("SUGGEST") && !c.get("id").isBlank())
                .forEach(c -> assertThat(fixes).contains(List.of(c.get("id"), c.get("email_suggestion"), "yes")));
    }

    @Test
    void jsonSummaryHasTheDocumentedFields() throws Exception {
        Path input = sample();
        Run r = run("audit", "--dns", "off", "--format", "json", input.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        String json = r.out().strip();
        assertThat(json).startsWith("{\"file\":").endsWith("}")
                .contains("\"encoding\":\"UTF-8\"", "\"delimiter\":\",\"", "\"email_column\":\"email\"",
                        "\"output\":", "\"fixes\":", "\"rows\":22", "\"with_email\":20", "\"no_email\":2",
                        "\"malformed\":0", "\"verdicts\":{\"VALID\":", "\"findings\":{", "\"typo_domains\":[",
                        "\"would_bounce\":", "\"would_bounce_as_typed\":", "\"bounce_rate_before\":",
                        "\"bounce_rate_after\":", "\"fixes_safe\":", "\"fixes_to_confirm\":",
                        "\"fixes_without_id\":1", "\"elapsed_ms\":");
        long valid = number(json, "\"VALID\":(\\d+)");
        long suggest = number(json, "\"SUGGEST\":(\\d+)");
        long invalid = number(json, "\"INVALID\":(\\d+)");
        long unknown = number(json, "\"UNKNOWN\":(\\d+)");
        assertThat(valid + suggest + invalid + unknown).isEqualTo(20);
        long bounce = number(json, "\"would_bounce\":(\\d+)");
        long asTyped = number(json, "\"would_bounce_as_typed\":(\\d+)");
        assertThat(bounce).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(invalid);   // no tiene, no @, space
        assertThat(asTyped).isGreaterThan(bounce);
        double before = Double.parseDouble(text(json, "\"bounce_rate_before\":([0-9.]+)"));
        double after = Double.parseDouble(text(json, "\"bounce_rate_after\":([0-9.]+)"));
        assertThat(before).isEqualTo(asTyped / 20.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(after).isEqualTo(bounce / 20.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(json).contains("\"MISSING_AT\":2", "\"COMMA_IN_DOMAIN_REPLACED\":1");
        if (suggest > 0) {
            assertThat(json).contains("{\"typed\":\"gmial.com\",\"suggested\":\"gmail.com\",\"count\":1}");
        }
    }

    @Test
    void corporateDomainOptionIsAccepted() throws Exception {
        Path input = sample();
        Run r = run("audit", "--dns", "off", "--corporate-domain", "tumatera.com", input.toString());
        assertThat(r.status()).isZero();
        Map<String, String> row = byId(records(dir.resolve("contactos.checked.csv"), ','), "_106_");
        // VALID until the policy module is wired into CommonOptions.validator(); then refused with its code.
        if (row.get("email_verdict").equals("INVALID")) {
            assertThat(row.get("email_findings")).contains("CORPORATE_DOMAIN");
        } else {
            assertThat(row.get("email_verdict")).isEqualTo("VALID");
        }
    }

    @Test
    void excelSemicolonsAndBomAreDetectedAndKept() throws Exception {
        Path input = dir.resolve("excel.csv");
        String text = "\uFEFFid;Nombre;Correo electrónico\r\n"
                + "__export__.res_partner_1;Muñoz, Ana;ANA.MUNOZ@GMAIL,COM\r\n"
                + "__export__.res_partner_2;\"Pérez; Juan\";juan.perez@gmail.com\r\n";
        Files.write(input, text.getBytes(StandardCharsets.UTF_8));
        Run r = run("audit", "--dns", "off", "--format", "json", input.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"delimiter\":\";\"", "\"email_column\":\"Correo electrónico\"",
                "\"rows\":2");
        byte[] out = Files.readAllBytes(dir.resolve("excel.checked.csv"));
        assertThat(new String(out, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        String checked = new String(out, StandardCharsets.UTF_8);
        assertThat(checked).startsWith("\uFEFFid;Nombre;Correo electrónico;email_verdict;")
                .contains("__export__.res_partner_1;Muñoz, Ana;ANA.MUNOZ@GMAIL,COM;VALID;;ana.munoz@gmail.com;")
                .contains("__export__.res_partner_2;\"Pérez; Juan\";juan.perez@gmail.com;VALID;;juan.perez@gmail.com;;\r\n");
        assertThat(Files.readString(dir.resolve("excel.fixes.csv")))
                .isEqualTo("\uFEFFid;email;needs_confirmation\r\n__export__.res_partner_1;ana.munoz@gmail.com;no\r\n");
    }

    @Test
    void latin1InputIsDetectedWithANoteOrReadWhenAskedFor() throws Exception {
        Path input = dir.resolve("latin1.csv");
        String text = "id,name,email\n1,José Muñoz,jose.munoz@hotmail.es\n2,Inés Peña,ines.pena@gmail.com\n";
        Files.write(input, text.getBytes(CP1252));

        Run auto = run("audit", "--dns", "off", input.toString());
        assertThat(auto.status()).isZero();
        assertThat(auto.err()).contains("no es UTF-8 válido (línea 2, byte 19)", "windows-1252");
        String checked = Files.readString(dir.resolve("latin1.checked.csv"), StandardCharsets.UTF_8);
        assertThat(checked).contains("1,José Muñoz,jose.munoz@hotmail.es,VALID", "2,Inés Peña,ines.pena@gmail.com");

        Run explicit = run("audit", "--dns", "off", "--encoding", "latin-1", "--lang", "en", input.toString());
        assertThat(explicit.status()).isZero();
        assertThat(explicit.err()).isEmpty();
        assertThat(explicit.out()).contains("windows-1252");
    }

    @Test
    void strictUtf8OnALatin1FileFailsCleanlyAndLeavesNoOutput() throws Exception {
        Path input = dir.resolve("latin1.csv");
        StringBuilder text = new StringBuilder("id,name,email\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",Ana,ana").append(i).append("@gmail.com\n");
        }
        text.append("9999,Peña,pena@gmail.com\n");
        Files.write(input, text.toString().getBytes(CP1252));
        Run r = run("audit", "--dns", "off", "--encoding", "utf-8", input.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(input.toString(), "not valid UTF-8 (line 5002", "--encoding windows-1252");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(input);      // no checked file, no fixes file, no temp file
        }
    }

    @Test
    void malformedRowsAreKeptAndReportedWithTheirLineNumbers() throws Exception {
        Path input = dir.resolve("broken.csv");
        Files.writeString(input, "id,name,email\n"
                + "1,\"Ana\nLópez\",ana@gmail.com\n"      // lines 2-3: a quoted line break, fine
                + "2,Luis,Pérez,luis@gmail.com\n"         // line 4: one field too many
                + "3,Rosa\n"                              // line 5: one field missing
                + "4,\"Sin cerrar,rosa@gmail.com\n"       // line 6: unclosed quote
                + "5,Eva,EVA@GMAIL.COM\n");
        Run r = run("audit", "--dns", "off", "--lang", "en", "--format", "json", input.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("line 4: malformed row: 4 fields where the header has 3",
                "line 5: malformed row: 2 fields where the header has 3",
                "line 6: malformed row: unclosed quote");
        assertThat(r.err()).doesNotContain("line 2", "line 3", "line 7");
        assertThat(r.out()).contains("\"rows\":5", "\"malformed\":3", "\"with_email\":2");
        List<List<String>> out = csv(dir.resolve("broken.checked.csv"), ',');
        assertThat(out).hasSize(6);
        assertThat(out.stream().skip(1).map(row -> row.get(0))).containsExactly("1", "2", "3", "4", "5");
        assertThat(out.get(2)).containsExactly("2", "Luis", "Pérez,luis@gmail.com", "MALFORMED", "", "", "",
                "malformed row: 4 fields where the header has 3");
        assertThat(out.get(3)).containsExactly("3", "Rosa", "", "MALFORMED", "", "", "",
                "malformed row: 2 fields where the header has 3");
        assertThat(out.get(4).get(0)).isEqualTo("4");
        assertThat(out.get(4)).contains("MALFORMED");
        assertThat(out.get(5).subList(0, 5)).containsExactly("5", "Eva", "EVA@GMAIL.COM", "VALID", "");
    }

    @Test
    void unwritableOutputDirectoryFailsWithExitOneAndNoOutput() throws Exception {
        Path input = sample();
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        Run r = run("audit", "--dns", "off", "--out", notADirectory.resolve("out.csv").toString(), input.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: cannot write " + notADirectory.resolve("out.csv"));

        Path missing = dir.resolve("no-such-dir").resolve("out.csv");
        Run r2 = run("audit", "--dns", "off", "--out", missing.toString(), input.toString());
        assertThat(r2.status()).isEqualTo(1);
        assertThat(r2.err()).contains("cannot write " + missing);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(input, notADirectory);
        }
    }

    @Test
    void readOnlyOutputDirectoryFailsWithExitOneAndNoOutput() throws Exception {
        Path input = sample();
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        // Root ignores permissions (CI runs as root): make the directory immutable instead, which binds root too.
        boolean immutable = Files.isWritable(readOnly) && chattr("+i", readOnly);
        try {
            assumeTrue(!Files.isWritable(readOnly) || immutable,
                    "cannot make a directory read-only here (root without chattr)");
            Run r = run("audit", "--dns", "off", "--out", readOnly.resolve("out.csv").toString(), input.toString());
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("cannot write " + readOnly.resolve("out.csv"));
            try (Stream<Path> files = Files.list(readOnly)) {
                assertThat(files).isEmpty();
            }
        } finally {
            if (immutable) {
                chattr("-i", readOnly);
            }
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean chattr(String flag, Path path) {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theInputIsNeverTheOutput() throws Exception {
        Path input = sample();
        byte[] before = sha256(input);
        Run r = run("audit", "--dns", "off", "--out", input.toString(), input.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("is the input file");
        Run viaOtherPath = run("audit", "--dns", "off", "--out", dir.resolve(".").resolve("contactos.csv").toString(),
                input.toString());
        assertThat(viaOtherPath.status()).isEqualTo(2);
        Run directory = run("audit", "--dns", "off", "--out", dir.toString(), input.toString());
        assertThat(directory.status()).isEqualTo(2);
        assertThat(directory.err()).contains("is a directory");
        assertThat(sha256(input)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(input);
        }
    }

    @Test
    void unreadableOrEmptyInputExitsWithOne() throws Exception {
        Run missing = run("audit", "--dns", "off", dir.resolve("nope.csv").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read " + dir.resolve("nope.csv"), "no such file");
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Run r = run("audit", "--dns", "off", empty.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("empty");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(empty);
        }
    }

    @Test
    void badUsageExitsWithTwo() throws Exception {
        Path input = sample();
        assertThat(run("audit").status()).isEqualTo(2);
        assertThat(run("audit", "--encoding", "ebcdic", input.toString()).status()).isEqualTo(2);
        assertThat(run("audit", "--delimiter", "|", input.toString()).status()).isEqualTo(2);
        assertThat(run("audit", "--format", "xml", input.toString()).status()).isEqualTo(2);
        Run noColumn = run("audit", "--dns", "off", "--column", "correo", input.toString());
        assertThat(noColumn.status()).isEqualTo(2);
        assertThat(noColumn.err()).contains("no column 'correo'");
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "id,name,phone\n1,Ana,555\n");
        Run notFound = run("audit", "--dns", "off", other.toString());
        assertThat(notFound.status()).isEqualTo(2);
        assertThat(notFound.err()).contains("no email column", "--column");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(input, other);
        }
    }

    @Test
    void columnOptionPicksTheEmailColumn() throws Exception {
        Path input = dir.resolve("custom.csv");
        Files.writeString(input, "ref,Contacto,Dirección de envío\n7,Ana,ANA@GMAIL.COM\n");
        Run r = run("audit", "--dns", "off", "--column", "dirección de envío", "--out",
                dir.resolve("result.csv").toString(), input.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("result.csv"))).contains("7,Ana,ANA@GMAIL.COM,VALID,,ana@gmail.com,");
        assertThat(r.err()).contains("no se escribe");        // no id column, so no fixes file
        assertThat(dir.resolve("result.fixes.csv")).doesNotExist();
    }

    /** A mail-domain checker answering out of order from another thread, counting what is in flight. */
    static final class ShuffledChecker implements MailDomainChecker {
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public CompletableFuture<MailDomainStatus> check(String domain) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<MailDomainStatus> f = new CompletableFuture<>();
            pool.execute(() -> {
                try {
                    TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                f.complete(domain.startsWith("nx") ? new MailDomainStatus.NoSuchDomain()
                        : new MailDomainStatus.HasMx(List.of("mx." + domain)));
            });
            return f;
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    @Test
    void dnsChecksRunConcurrentlyWithBoundedInFlightAndKeepTheInputOrder() throws Exception {
        Path input = dir.resolve("many.csv");
        StringBuilder text = new StringBuilder("id,email\n");
        int rows = 3000;
        for (int i = 0; i < rows; i++) {
            text.append("row").append(i).append(',').append("user").append(i).append('@')
                    .append(i % 7 == 0 ? "nx" : "d").append(i % 50).append(".com\n");
        }
        Files.writeString(input, text);
        ShuffledChecker checker = new ShuffledChecker();
        CustomerEmailValidator validator = CustomerEmailValidator.builder().mailDomainChecker(checker).build();
        Run r = run(validator, "audit", "--dns", "off", "--format", "json", input.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<List<String>> out = csv(dir.resolve("many.checked.csv"), ',');
        assertThat(out).hasSize(rows + 1);
        for (int i = 0; i < rows; i++) {
            List<String> row = out.get(i + 1);
            assertThat(row.get(0)).isEqualTo("row" + i);
            assertThat(row.get(2)).isEqualTo(i % 7 == 0 ? "INVALID" : "VALID");
            if (i % 7 == 0) {
                assertThat(row.get(5)).isEqualTo("DOMAIN_NOT_FOUND");
            }
        }
        assertThat(checker.maxInFlight.get()).isLessThanOrEqualTo(AuditRun.MAX_IN_FLIGHT);
        assertThat(r.out()).contains("\"DOMAIN_NOT_FOUND\":" + (rows + 6) / 7);
        assertThat(checker.pool.isShutdown()).isTrue();         // the validator (and its checker) was closed
    }

    @Test
    void outputPathsAndProgressLine() {
        assertThat(AuditCommand.sibling(Path.of("/d/contactos.CSV"), ".checked.csv"))
                .isEqualTo(Path.of("/d/contactos.checked.csv"));
        assertThat(AuditCommand.fixesPathFor(Path.of("/d/contactos.checked.csv"), ".csv"))
                .isEqualTo(Path.of("/d/contactos.fixes.csv"));
        assertThat(AuditCommand.fixesPathFor(Path.of("/e/result.csv"), ".csv")).isEqualTo(Path.of("/e/result.fixes.csv"));
        assertThat(AuditCommand.fixesPathFor(Path.of("/e/revisado"), ".xlsx")).isEqualTo(Path.of("/e/revisado.fixes.xlsx"));
        assertThat(Progress.line(250_000, 50, 100, 1_000_000_000L))
                .isEqualTo("250000 rows   50.0 %  250000 rows/s  ETA 0:01");
        assertThat(Progress.line(10, 0, 100, 1_000_000_000L)).endsWith("ETA ?");
    }

    static long number(String json, String regex) {
        return Long.parseLong(text(json, regex));
    }

    static String text(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
