package io.github.customeremail.spring;

import jakarta.validation.ValidatorFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes Hibernate ORM validate entities before insert and update with the application's Bean Validation factory
 * (Spring's, see {@link CustomerEmailAutoConfiguration}) instead of building one of its own: {@code @ValidCustomerEmail}
 * on an entity then uses the auto-configured validator, and its messages follow the request's locale when the entity
 * is saved during a request. An explicit {@code spring.jpa.properties.jakarta.persistence.validation.factory} wins.
 */
@AutoConfiguration(after = ValidationAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({HibernatePropertiesCustomizer.class, ValidatorFactory.class})
public class CustomerEmailJpaAutoConfiguration {

    /** The JPA property that hands a validator factory to the persistence provider. */
    static final String VALIDATION_FACTORY = "jakarta.persistence.validation.factory";

    /**
     * @param validatorFactory the application's validator factory (Boot's {@code defaultValidator})
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean(name = "customerEmailJpaValidationCustomizer")
    public HibernatePropertiesCustomizer customerEmailJpaValidationCustomizer(
            ObjectProvider<ValidatorFactory> validatorFactory) {
        return properties -> validatorFactory.ifUnique(f -> properties.putIfAbsent(VALIDATION_FACTORY, f));
    }
}
