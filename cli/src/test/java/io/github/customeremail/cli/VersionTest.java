package io.github.customeremail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void versionNamesTheProjectVersionAndACommit() {
        CliRun.Run run = CliRun.run("--version");

        assertThat(run.status()).isZero();
        // The build fills in both (version.properties); a literal ${...} would mean filtering did not happen.
        assertThat(run.out().strip())
                .matches("customer-email \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,40}|unknown)\\)");
    }
}
