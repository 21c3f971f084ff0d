/**
 * customer-email command-line tool ({@code check}, {@code audit}, {@code sender}, {@code odoo audit}).
 */
module io.github.customeremail.cli {
    requires io.github.customeremail;
    requires io.github.customeremail.dns;
    requires io.github.customeremail.odoo;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires org.dhatim.fastexcel;
    requires org.dhatim.fastexcel.reader;

    exports io.github.customeremail.cli;
    // picocli sets the commands' annotated fields by reflection.
    opens io.github.customeremail.cli to info.picocli;
}
