package io.github.customeremail.service;

/** The repository tests on PostgreSQL (a real server: see {@link PostgresDatabase}). */
class PostgresFeedbackStoreTest extends FeedbackStoreContract {

    @Override
    String newDatabaseUrl() {
        return PostgresDatabase.create();
    }

    @Override
    String user() {
        return "postgres";
    }
}
