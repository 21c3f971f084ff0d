package io.github.customeremail.service.odoo;

import io.github.customeremail.service.FeedbackFixture;

/** The outbox on PostgreSQL (a real server: see the service's {@code PostgresDatabase}). */
class PostgresOdooOutboxTest extends OdooOutboxContract {

    @Override
    String newDatabaseUrl() {
        return FeedbackFixture.newPostgresDatabase();
    }

    @Override
    String user() {
        return "postgres";
    }
}
