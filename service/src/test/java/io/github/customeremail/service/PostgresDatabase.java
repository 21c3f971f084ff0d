package io.github.customeremail.service;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests, started by {@code .ci/postgres.sh} (which {@code .ci/run} sources) and found
 * through {@code CUSTOMEREMAIL_POSTGRES_URL}. Each caller gets a database of its own. Without a server the tests
 * are skipped with a message, except under {@code CI=true}, where a missing server fails the build.
 */
final class PostgresDatabase {

    static final String URL_VARIABLE = "CUSTOMEREMAIL_POSTGRES_URL";
    static final String CTL_VARIABLE = "CUSTOMEREMAIL_POSTGRES_CTL";

    private PostgresDatabase() {
    }

    /** @return the JDBC URL of a new, empty database (user postgres, no password) */
    static String create() {
        String base = serverUrl();
        String name = "ce_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            fail("PostgreSQL at " + base + " could not create a database: " + e.getMessage());
        }
        return base.substring(0, base.lastIndexOf('/') + 1) + name;
    }

    static String serverUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String why = URL_VARIABLE + " is not set: start a server with '. .ci/postgres.sh' (see CONTRIBUTING.md)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and no PostgreSQL for the service tests: " + why);
            }
            Assumptions.abort("PostgreSQL tests skipped: " + why);
        }
        return url;
    }

    /** Runs the server control command ({@code stop} or {@code start}) that .ci/postgres.sh wrote. */
    static void control(String action) throws Exception {
        String ctl = System.getenv(CTL_VARIABLE);
        if (ctl == null || ctl.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and no " + CTL_VARIABLE + " to stop and start PostgreSQL");
            }
            Assumptions.abort("outage test skipped: " + CTL_VARIABLE + " is not set (see .ci/postgres.sh)");
        }
        Process p = new ProcessBuilder(ctl, action).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("'" + ctl + " " + action + "' failed: " + out);
        }
    }
}
