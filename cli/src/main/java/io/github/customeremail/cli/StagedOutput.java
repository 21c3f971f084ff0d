package io.github.customeremail.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One output of the audit, written to a hidden temporary file beside its target and renamed over it only when the
 * whole audit succeeded: the target appears complete or not at all, and a failed run leaves no file pretending to be
 * complete.
 */
final class StagedOutput {

    private final Path target;
    private Path temporary;

    private StagedOutput(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Creates the temporary file beside {@code target}. */
    static StagedOutput beside(Path target) throws AuditFailure {
        Path dir = target.getParent();
        // Not Files.createTempFile: its 0600 permissions would end up on the output; this follows the umask.
        Path tmp = dir.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            return new StagedOutput(target, tmp);
        } catch (IOException e) {
            throw new AuditFailure("cannot write " + target + ": " + AuditFailure.reason(e, dir), e);
        }
    }

    FileChannel open() throws IOException {
        return FileChannel.open(temporary, StandardOpenOption.WRITE);
    }

    /** Renames the temporary file over the target, atomically. */
    void commit() throws AuditFailure {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException e) {
            throw new AuditFailure("cannot write " + target + ": " + AuditFailure.reason(e, target), e);
        }
    }

    /** Deletes the temporary file unless it was committed. */
    void discard() {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort: a hidden .tmp file is left, never a file pretending to be complete
            }
        }
    }
}
