package io.github.customeremail.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code customer-email.jar}. Exit status: 0 when every address or row was checked, whatever the
 * verdicts; 2 on bad usage; 1 when the job could not be done (unreadable file, internal error).
 */
@Command(name = "customer-email",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks customer email addresses: safe repairs, strict syntax, typo suggestions, policy, MX.",
        subcommands = {CheckCommand.class, AuditCommand.class, SenderCommand.class, OdooCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    /** Exit status when the job could not be done. */
    static final int EXIT_FAILURE = 1;
    /** Exit status on bad usage (picocli's default for parameter errors). */
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting the JVM (for tests and embedding).
     *
     * @param args the arguments
     * @return the exit status
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --format JSON, --lang PT
        // An argument is always an address or an option: "@name" must never read a local file.
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return EXIT_FAILURE;
        });
        return cli;
    }

    /** Reports the version and the git commit it was built from (version.properties, filled in by the build). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            var properties = new java.util.Properties();
            try (var in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"customer-email " + properties.getProperty("version", "(development build)")
                    + " (commit " + properties.getProperty("commit", "unknown") + ")"};
        }
    }
}
