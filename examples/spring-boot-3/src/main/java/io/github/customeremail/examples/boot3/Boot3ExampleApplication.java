package io.github.customeremail.examples.boot3;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.RuleMode;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot 3.5 with customer-email's library and {@code @ValidCustomerEmail}, without the starter: one
 * {@link CustomerEmailValidator} bean, handed to Hibernate Validator as its constraint validator payload (a bean
 * alone is not enough: Spring's constraint validator factory calls the validator's no-argument constructor), and
 * Spring's validator factory handed to Hibernate ORM so that entities are validated with it too.
 */
@SpringBootApplication
public class Boot3ExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(Boot3ExampleApplication.class, args);
    }

    /** Closed by Spring on shutdown (it closes its DNS checker, if it has one). */
    @Bean
    CustomerEmailValidator customerEmailValidator() {
        return CustomerEmailValidator.builder()
                .corporateDomains("tumatera.com")
                .roleAccounts(RuleMode.INVALID)
                .build();
    }

    /** {@code @ValidCustomerEmail} in MVC and method validation uses the bean above. */
    @Bean
    ValidationConfigurationCustomizer customerEmailPayload(ObjectProvider<CustomerEmailValidator> validator) {
        return configuration -> ((HibernateValidatorConfiguration) configuration)
                .constraintValidatorPayload(validator.getObject());
    }

    /** JPA validates before insert and update with Spring's validator factory (so with the bean above, too). */
    @Bean
    HibernatePropertiesCustomizer jpaValidatesWithSpringsValidator(ObjectProvider<ValidatorFactory> factory) {
        return properties -> properties.put("jakarta.persistence.validation.factory", factory.getObject());
    }
}
