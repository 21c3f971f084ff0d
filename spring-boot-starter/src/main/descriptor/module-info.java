/**
 * customer-email Spring Boot starter: auto-configuration from {@code customer-email.*} properties,
 * {@code @ValidCustomerEmail} with that configuration, health and metrics.
 */
module io.github.customeremail.spring {
    requires transitive io.github.customeremail;
    requires transitive io.github.customeremail.dns;
    requires transitive io.github.customeremail.validation;
    requires org.dnsjava;
    requires jakarta.validation;
    requires spring.beans;
    requires spring.context;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.boot.validation;
    requires static spring.boot.health;
    requires static spring.boot.hibernate;
    requires static micrometer.core;
    requires static org.hibernate.validator;

    exports io.github.customeremail.spring;
    // Spring creates the auto-configurations and binds the properties by reflection.
    opens io.github.customeremail.spring to spring.core, spring.beans, spring.context, spring.boot;
}
