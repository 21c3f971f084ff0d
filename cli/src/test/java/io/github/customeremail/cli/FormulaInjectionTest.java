package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.cli.CliRun.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells the audit adds never start a formula; the user's cells and the fixes for Odoo stay exactly as they are. */
class FormulaInjectionTest {

    @Test
    void addedCellsAreNeutralizedOriginalsAndFixesAreNot(@TempDir Path dir) throws Exception {
        String header = "id,name,email\n";
        String row1 = "__export__.p_1,=HYPERLINK(\"http://x.test\";\"clic\"), -Juan@Empresa.com\n";
        String row2 = "__export__.p_2,@SUM(A1),+ana@empresa.com\n";
        Path input = dir.resolve("contactos.csv");
        Files.writeString(input, header + row1 + row2, StandardCharsets.UTF_8);

        Run r = run("audit", "--dns", "off", "--lang", "en", input.toString());
        assertThat(r.status()).as(r.err()).isZero();

        String checked = Files.readString(dir.resolve("contactos.checked.csv"), StandardCharsets.UTF_8);
        var lines = checked.lines().toList();
        // the original columns exactly as read, formula-like or not
        assertThat(lines.get(1)).startsWith(row1.strip() + ",");
        assertThat(lines.get(2)).startsWith(row2.strip() + ",");
        // the added columns: the normalized address starts with - or +, so it gets an apostrophe
        assertThat(lines.get(1)).contains(",'-juan@empresa.com,");
        assertThat(lines.get(2)).contains(",'+ana@empresa.com,");
        for (String line : lines.subList(1, lines.size())) {
            String added = line.substring(line.indexOf("empresa.com,") + "empresa.com,".length());
            for (String cell : added.split(",", -1)) {
                assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
        // Odoo's importer stores a leading apostrophe as part of the value: the fixes file has none
        String fixes = Files.readString(dir.resolve("contactos.fixes.csv"), StandardCharsets.UTF_8);
        assertThat(fixes).contains("__export__.p_1,-juan@empresa.com,no").doesNotContain("'");
    }

    @Test
    void theGuardCoversEveryOwaspTrigger() {
        for (String s : new String[] {"=1+1", "+1", "-1", "@x", "\tx", "\rx"}) {
            assertThat(FormulaGuard.cell(s)).isEqualTo("'" + s);
        }
        assertThat(FormulaGuard.cell("VALID")).isEqualTo("VALID");
        assertThat(FormulaGuard.cell("")).isEmpty();
        assertThat(FormulaGuard.cell("juan@x.com")).isEqualTo("juan@x.com");
    }
}
