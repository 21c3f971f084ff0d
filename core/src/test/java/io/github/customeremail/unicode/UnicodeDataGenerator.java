package io.github.customeremail.unicode;

import com.ibm.icu.text.IDNA;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the bundled Unicode data of core from ICU4J's copy of the Unicode Character Database (run by
 * {@code core/scripts/refresh-unicode-data.sh}, never by the build): {@code idna-table.txt.gz}, UTS #46 mapping
 * combined with the IDNA 2008 derived property (see {@code IdnaTable} for the format).
 */
public final class UnicodeDataGenerator {

    /** Non-transitional UTS #46 with STD3 rules: the processing the table describes per code point. */
    static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.USE_STD3_RULES | IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE);

    private static final com.ibm.icu.text.Normalizer2 UTS46_MAPPING =
            com.ibm.icu.text.Normalizer2.getInstance(null, "uts46", com.ibm.icu.text.Normalizer2.Mode.COMPOSE);

    private UnicodeDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/io/github/customeremail");
        writeIdnaTable(dir.resolve("idna-table.txt.gz"));
        writeConfusables(dir.resolve("confusables.txt.gz"));
    }

    /**
     * UTS #39 confusable prototypes: for each code point that is its own NFD and whose skeleton differs from it, the
     * code points of that skeleton. A string's skeleton is then NFD, each code point replaced, NFD again.
     */
    static void writeConfusables(Path file) throws IOException {
        com.ibm.icu.text.SpoofChecker spoof = new com.ibm.icu.text.SpoofChecker.Builder().build();
        com.ibm.icu.text.Normalizer2 nfd = com.ibm.icu.text.Normalizer2.getNFDInstance();
        try (OutputStream raw = Files.newOutputStream(file);
             Writer out = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.US_ASCII)) {
            VersionInfo unicode = com.ibm.icu.lang.UCharacter.getUnicodeVersion();
            out.write("# Unicode " + unicode.getMajor() + "." + unicode.getMinor() + "." + unicode.getMilli()
                    + ", UTS #39 confusables (skeleton prototypes) via ICU4J " + VersionInfo.ICU_VERSION + "\n");
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    continue;
                }
                String s = new String(Character.toChars(cp));
                if (!nfd.isNormalized(s)) {
                    continue;
                }
                String skeleton = spoof.getSkeleton(0, s);
                if (!skeleton.equals(s)) {
                    StringBuilder line = new StringBuilder(Integer.toHexString(cp));
                    skeleton.codePoints().forEach(c -> line.append(' ').append(Integer.toHexString(c)));
                    out.write(line.append('\n').toString());
                }
            }
        }
    }

    /** @return the table kind of {@code cp}: V, C, M (then the mapping), I or D */
    public static String kind(int cp) {
        if (cp == '.' || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return "D";
        }
        String s = new String(Character.toChars(cp));
        IDNA.Info info = new IDNA.Info();
        StringBuilder out = new StringBuilder();
        UTS46.labelToUnicode(s, out, info);
        if (info.getErrors().contains(IDNA.Error.DISALLOWED) || out.indexOf(".") >= 0) {
            return "D";
        }
        // The mapping itself from ICU's UTS #46 normalization data: labelToUnicode would also flag a lone
        // combining mark, which is only wrong at the start of a label.
        String mapped = UTS46_MAPPING.normalize(s);
        if (mapped.isEmpty()) {
            return "I";
        }
        if (!mapped.equals(s)) {
            StringBuilder m = new StringBuilder("M");
            mapped.codePoints().forEach(c -> m.append(' ').append(Integer.toHexString(c)));
            return m.toString();
        }
        return switch (Rfc5892.of(cp)) {
            case PVALID -> cp == 0x00DF || cp == 0x03C2 ? "D" : "V"; // deviations: refused, not guessed
            case CONTEXTO -> "C";
            default -> "D";
        };
    }

    static void writeIdnaTable(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             Writer out = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.US_ASCII)) {
            VersionInfo unicode = com.ibm.icu.lang.UCharacter.getUnicodeVersion();
            out.write("# Unicode " + unicode.getMajor() + "." + unicode.getMinor() + "." + unicode.getMilli()
                    + ", UTS #46 and RFC 5892 via ICU4J " + VersionInfo.ICU_VERSION + "\n");
            String previous = null;
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                String kind = kind(cp);
                if (kind.startsWith("M") || !kind.equals(previous)) {
                    out.write(Integer.toHexString(cp) + " " + kind + "\n");
                }
                previous = kind;
            }
        }
    }
}
