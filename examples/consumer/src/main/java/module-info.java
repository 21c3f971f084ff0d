/** A module-path application using customer-email. */
module io.github.customeremail.examples.consumer {
    requires io.github.customeremail.dns;          // brings io.github.customeremail (core) with it
    requires io.github.customeremail.validation;   // brings jakarta.validation with it
    requires org.hibernate.validator;
    requires jakarta.el;                            // optional in Hibernate Validator's module: its messages need it

    // Hibernate Validator reads the annotated fields of the application's beans.
    opens io.github.customeremail.examples.consumer to org.hibernate.validator;
}
