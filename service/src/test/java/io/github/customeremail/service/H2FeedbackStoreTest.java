package io.github.customeremail.service;

import java.util.UUID;

/** The repository tests on H2, the embedded default store. */
class H2FeedbackStoreTest extends FeedbackStoreContract {

    @Override
    String newDatabaseUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String user() {
        return "sa";
    }
}
