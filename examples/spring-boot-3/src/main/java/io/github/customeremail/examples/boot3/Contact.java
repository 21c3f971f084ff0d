package io.github.customeremail.examples.boot3;

import io.github.customeremail.validation.NormalizingEmailConverter;
import io.github.customeremail.validation.ValidCustomerEmail;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A contact; Hibernate refuses a bad address before insert and stores the repaired one. */
@Entity
public class Contact {

    @Id
    @GeneratedValue
    private Long id;

    @ValidCustomerEmail
    @Convert(converter = NormalizingEmailConverter.class)
    private String email;

    protected Contact() {
    }

    Contact(String email) {
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }
}
