package io.github.customeremail.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates {@code ../shared/data}: conformance suites and labeled typo cases from other projects, read in place and
 * never copied into this repository. The build passes its location as the system property
 * {@code customeremail.shared.data}; without it the folder is searched upwards from the working directory.
 * CI always has it; elsewhere tests that need it are skipped with a message saying so.
 */
public final class SharedData {

    private SharedData() {
    }

    /**
     * @param relative a path below the shared data folder, e.g. {@code conformance/isemail/tests.xml}
     * @return the file; the calling test is skipped (with a message naming the path) when it is absent
     */
    public static Path require(String relative) {
        Path root = root();
        Path file = root == null ? null : root.resolve(relative);
        assumeTrue(file != null && Files.isRegularFile(file),
                () -> "SKIPPED: shared test data not found: ../shared/data/" + relative
                        + " (CI always has it; put the shared folder beside the repository to run this test)");
        return file;
    }

    /** @return the shared data folder, or {@code null} when it cannot be found */
    public static Path root() {
        String configured = System.getProperty("customeremail.shared.data");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        return null;
    }
}
