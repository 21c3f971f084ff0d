package io.github.customeremail.cli;

import picocli.CommandLine.Command;

/** {@code odoo}: commands that work on a live Odoo database over its external API. */
@Command(name = "odoo", mixinStandardHelpOptions = true,
        description = "Works on a live Odoo database over its external API (XML-RPC for Odoo 14-18, JSON-2 for 19+).",
        subcommands = {OdooAuditCommand.class})
final class OdooCommand {
}
