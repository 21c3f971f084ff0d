package io.github.customeremail.service.odoo;

import io.github.customeremail.CustomerEmailValidator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps Odoo in step with what the service learns, when {@code customer-email.odoo.url} is set: the feedback
 * listener queues hard bounces and complaints, the verification listener the customers' confirmations, and
 * the worker delivers them (and the webhook's checks) to Odoo.
 */
@Configuration(proxyBeanMethods = false)
class OdooSyncConfiguration {

    /** Set when an Odoo connection is configured. */
    static final String ENABLED = "!'${customer-email.odoo.url:}'.isBlank()";

    @Bean
    OdooOutbox odooOutbox(JdbcClient jdbc) {
        return new OdooOutbox(jdbc);
    }

    @Bean
    @ConditionalOnExpression(ENABLED)
    OdooConnection odooConnection(OdooProperties properties) {
        return new OdooConnection(properties.settings());
    }

    @Bean
    @ConditionalOnExpression(ENABLED)
    OdooFeedbackListener odooFeedbackListener(OdooOutbox outbox) {
        return new OdooFeedbackListener(outbox, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnExpression(ENABLED)
    OdooVerificationListener odooVerificationListener(OdooOutbox outbox) {
        return new OdooVerificationListener(outbox, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnExpression(ENABLED)
    OdooOutboxWorker odooOutboxWorker(OdooOutbox outbox, OdooConnection connection, CustomerEmailValidator validator,
                                      OdooProperties properties) {
        return new OdooOutboxWorker(outbox, new OdooDelivery(connection, validator, properties.locale()), connection,
                properties.outbox(), properties.recheck(), Clock.systemUTC());
    }
}
