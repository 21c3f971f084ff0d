package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints, for the cli tests. */
final class CliRun {

    private CliRun() {
    }

    /** Exit status and output of one run. */
    record Run(int status, String out, String err) { }

    static Run run(String... args) {
        return run(null, args);
    }

    static Run run(CustomerEmailValidator validator, String... args) {
        CommandLine cli = Main.commandLine();
        if (validator != null) {
            AuditCommand audit = cli.getSubcommands().get("audit").getCommand();
            audit.validators = options -> validator;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
