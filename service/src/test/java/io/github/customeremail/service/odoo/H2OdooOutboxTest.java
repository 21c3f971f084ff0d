package io.github.customeremail.service.odoo;

/** The outbox on H2, the embedded default. */
class H2OdooOutboxTest extends OdooOutboxContract {

    private static int databases;

    @Override
    String newDatabaseUrl() {
        return "jdbc:h2:mem:odoo-outbox-" + (++databases) + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String user() {
        return "sa";
    }
}
