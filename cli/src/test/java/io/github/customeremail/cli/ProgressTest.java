package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --progress}: decided from stderr, where the progress goes. */
class ProgressTest {

    @TempDir
    Path dir;

    @Test
    void terminalDevicesAreRecognisedByTheirPath() {
        assertThat(Progress.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Progress.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Progress.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Progress.isTerminalDevice("/tmp/err.log")).isFalse();
        assertThat(Progress.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void autoIsOffWhenStderrIsNotATerminal() throws Exception {
        // The test JVM's stderr is a pipe or a file (surefire), never a terminal.
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            assertThat(Progress.isTerminalDevice(Files.readSymbolicLink(fd2).toString())).isFalse();
            assertThat(Progress.Mode.AUTO.enabled()).isFalse();
        }
        assertThat(Progress.Mode.ALWAYS.enabled()).isTrue();
        assertThat(Progress.Mode.NEVER.enabled()).isFalse();
    }

    @Test
    void progressOptionTakesAutoAlwaysOrNever() throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "id,email\n1,juan@gmail.com\n");
        CliRun.Run never = run("audit", "--dns", "off", "--progress", "never", csv.toString());
        assertThat(never.status()).as(never.err()).isZero();
        assertThat(never.err()).isEmpty();
        assertThat(run("audit", "--dns", "off", "--progress", "ALWAYS", csv.toString()).status()).isZero();
        assertThat(run("audit", "--dns", "off", "--progress", "sometimes", csv.toString()).status()).isEqualTo(2);
    }

    @Test
    void theLineShowsTheShareReadOnlyWhenTheSizeIsKnown() {
        assertThat(Progress.line(250_000, 412, 1000, 2_000_000_000L))
                .isEqualTo("250000 rows   41.2 %  125000 rows/s  ETA 0:03");
        assertThat(Progress.line(250_000, 0, -1, 2_000_000_000L)).isEqualTo("250000 rows  125000 rows/s");
    }
}
