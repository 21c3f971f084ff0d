package io.github.customeremail.dns.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts the sockets this JVM has open, as the operating system sees them (Linux {@code /proc/self/fd}). */
public final class ProcessSockets {

    private ProcessSockets() {
    }

    /** @return the number of open sockets, or -1 where {@code /proc/self/fd} does not exist */
    public static int open() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        int n = 0;
        try (var list = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        n++;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }
}
