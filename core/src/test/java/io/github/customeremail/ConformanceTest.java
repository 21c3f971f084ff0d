package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Judges the strict parser alone (no repairs) against the isemail suite and JMail's lists, read in place from
 * {@code ../shared/data/conformance}. Our customer profile is deliberately stricter than RFC 5322: every case where
 * we disagree is listed in {@code conformance-disagreements.tsv} with a one-line reason, and only in one direction —
 * accepting anything a suite calls invalid is a bug.
 */
class ConformanceTest {

    private static final AddressParser PARSER = AddressParser.strict();
    private static final Map<String, int[]> COUNTS = new TreeMap<>(); // suite -> {cases, agree, listed}
    private static Map<String, String> disagreements;

    record Case(String suite, String id, String address, boolean valid, String description) {
        String key() {
            return suite + "#" + id;
        }

        @Override
        public String toString() {
            return key() + " " + printable(address) + (valid ? " (valid)" : " (invalid)");
        }
    }

    @BeforeAll
    static void loadDisagreements() throws IOException {
        disagreements = new HashMap<>();
        try (InputStream in = ConformanceTest.class.getResourceAsStream("conformance-disagreements.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                assertThat(cols).as("key<TAB>address<TAB>reason: %s", line).hasSize(3);
                assertThat(cols[2]).as("reason for %s", cols[0]).isNotBlank();
                disagreements.put(cols[0], cols[2]);
            }
        }
    }

    static Stream<Case> isemail() throws Exception {
        Path file = SharedData.require("conformance/isemail/tests.xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = factory.newDocumentBuilder().parse(file.toFile());
        NodeList tests = doc.getElementsByTagName("test");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < tests.getLength(); i++) {
            Element test = (Element) tests.item(i);
            String address = decodeControlPictures(text(test, "address"));
            String category = text(test, "category");
            // is_email.php: valid when the diagnosis is below ISEMAIL_THRESHOLD (16): VALID, DNSWARN, RFC5321.
            boolean valid = category.equals("ISEMAIL_VALID_CATEGORY") || category.equals("ISEMAIL_DNSWARN")
                    || category.equals("ISEMAIL_RFC5321");
            cases.add(new Case("isemail", test.getAttribute("id"), address, valid, text(test, "diagnosis")));
        }
        return cases.stream();
    }

    static Stream<Case> jmail() throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> valid = Files.readAllLines(SharedData.require("conformance/jmail/valid-addresses.csv"));
        for (int n = 1; n < valid.size(); n++) {
            String line = valid.get(n);
            if (!line.isBlank()) {
                cases.add(new Case("jmail-valid", Integer.toString(n + 1), validAddress(line), true, line));
            }
        }
        List<String> invalid = Files.readAllLines(SharedData.require("conformance/jmail/invalid-addresses.csv"));
        for (int n = 1; n < invalid.size(); n++) {
            String line = invalid.get(n);
            int sep = line.indexOf(" ;");
            if (sep > 0) {
                cases.add(new Case("jmail-invalid", Integer.toString(n + 1), line.substring(0, sep), false, line));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"isemail", "jmail"})
    void parserAgreesWithTheSuiteOrTheDisagreementIsListed(Case c) {
        ParseResult result = PARSER.parse(c.address());
        boolean accepted = result instanceof ParsedAddress;
        String listed = disagreements.get(c.key());
        int[] counts = COUNTS.computeIfAbsent(c.suite(), s -> new int[3]);
        synchronized (COUNTS) {
            counts[0]++;
            if (accepted == c.valid()) {
                counts[1]++;
            } else if (listed != null) {
                counts[2]++;
            }
        }
        if (listed != null) {
            assertThat(c.valid()).as("only suite-valid addresses may be listed as refused: %s", c).isTrue();
            assertThat(accepted).as("listed as a disagreement (%s) but we agree now: %s", listed, c).isFalse();
        } else {
            assertThat(accepted)
                    .as("%s: suite says %s, parser says %s — %s", c, c.valid() ? "valid" : "invalid", result,
                            c.description())
                    .isEqualTo(c.valid());
        }
    }

    @Test
    void everyListedDisagreementNamesAnExistingCase() throws Exception {
        List<String> keys = Stream.concat(isemail(), jmail()).map(Case::key).toList();
        assertThat(keys).containsAll(disagreements.keySet());
    }

    @AfterAll
    static void printAgreement() {
        COUNTS.forEach((suite, c) -> System.out.printf(
                "CONFORMANCE %-14s cases=%d agree=%d deliberate-disagreements=%d%n", suite, c[0], c[1], c[2]));
    }

    /** The first field of JMail's valid CSV: addresses may contain commas, so take the shortest prefix that works. */
    private static String validAddress(String line) {
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            String address = line.substring(0, i);
            String local = line.substring(i + 1).split(",", -1)[0];
            if (address.indexOf('@') >= 0 && address.contains(local)) {
                return address;
            }
        }
        throw new IllegalStateException("cannot split: " + line);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    /** isemail encodes control characters as U+2400 + code (e.g. U+240D for CR). */
    private static String decodeControlPictures(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= '\u2400' && c <= '\u241F' ? (char) (c - 0x2400) : c);
        }
        return out.toString();
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
