/**
 * customer-email bean validation: the {@code @ValidCustomerEmail} constraint. Hibernate Validator is optional: its
 * message parameters and dynamic payload are used when it is present.
 */
module io.github.customeremail.validation {
    requires transitive io.github.customeremail;
    requires transitive jakarta.validation;
    requires static org.hibernate.validator;

    exports io.github.customeremail.validation;
}
