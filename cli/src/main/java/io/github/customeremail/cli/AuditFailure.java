package io.github.customeremail.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An audit that could not be done (unreadable input, unwritable output), with the message the user sees. */
class AuditFailure extends Exception {

    private static final long serialVersionUID = 1L;

    AuditFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The input turned out not to be UTF-8 while {@code --encoding auto} allowed a fallback: start again. */
    static final class NotUtf8 extends AuditFailure {
        private static final long serialVersionUID = 1L;
        final transient LenientCsvReader.InvalidUtf8 where;

        NotUtf8(LenientCsvReader.InvalidUtf8 where) {
            super("not valid UTF-8", where);
            this.where = where;
        }
    }

    /** A step that writes. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /** Runs a writing step; a failure names the file being written and why. */
    static void writing(Path target, IoAction step) throws AuditFailure {
        try {
            step.run();
        } catch (IOException | UncheckedIOException e) {
            throw new AuditFailure("cannot write " + target + ": " + reason(e, target.getParent()), e);
        }
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
}
