package io.github.customeremail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Progress on stderr for long files: rows, rows/s, percentage of bytes read and ETA; silent when disabled. */
final class Progress {

    /** The {@code --progress} option. */
    enum Mode {
        /** Only when stderr is a terminal, so that a redirected stderr gets no carriage-return lines. */
        AUTO,
        /** Whenever the file is long enough. */
        ALWAYS,
        /** Never. */
        NEVER;

        boolean enabled() {
            return switch (this) {
                case ALWAYS -> true;
                case NEVER -> false;
                case AUTO -> stderrIsTerminal();
            };
        }
    }

    /**
     * Whether stderr is a terminal. Java 17 cannot ask isatty(2) directly ({@code System.console()} looks at stdin
     * and stdout, not at stderr, where the progress goes). On Linux, {@code /proc/self/fd/2} is a link to the
     * terminal device ({@code /dev/pts/N}, {@code /dev/ttyN}) exactly when stderr is one; elsewhere the console
     * check is the best guess there is.
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                return isTerminalDevice(Files.readSymbolicLink(fd).toString());
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }

    /** @return whether the path names a terminal device */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long rows;
    private long lastShown = started;
    private boolean shown;

    Progress(long totalBytes, LongSupplier bytesRead, PrintWriter err, boolean enabled) {
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
        this.err = err;
        this.enabled = enabled;
    }

    /** Counts one row; looks at the clock every 4096 rows only. */
    void tick() {
        rows++;
        if (enabled && (rows & 4095) == 0) {
            long now = System.nanoTime();
            if (now - lastShown >= INTERVAL_NANOS) {
                lastShown = now;
                shown = true;
                err.print("\r" + line(rows, bytesRead.getAsLong(), totalBytes, now - started) + "   ");
                err.flush();
            }
        }
    }

    /** Ends the progress line, if one was shown. */
    void finish() {
        if (shown) {
            err.print("\r" + line(rows, totalBytes, totalBytes, System.nanoTime() - started) + "   ");
            err.println();
            err.flush();
        }
    }

    /** e.g. {@code 250000 rows  41.2 %  212000 rows/s  ETA 0:04}; without the share and ETA when the size is -1 */
    static String line(long rows, long bytes, long totalBytes, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        long rate = Math.round(rows / seconds);
        if (totalBytes < 0) {
            return String.format(Locale.ROOT, "%d rows  %d rows/s", rows, rate);
        }
        double fraction = totalBytes <= 0 ? 1 : Math.min(1.0, (double) bytes / totalBytes);
        long eta = fraction <= 0 ? -1 : Math.round(seconds / fraction - seconds);
        return String.format(Locale.ROOT, "%d rows  %5.1f %%  %d rows/s  ETA %s", rows, 100 * fraction, rate,
                eta < 0 ? "?" : eta / 60 + ":" + String.format(Locale.ROOT, "%02d", eta % 60));
    }
}
