package io.github.customeremail.examples.boot;

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

    private String name;

    @ValidCustomerEmail
    @Convert(converter = NormalizingEmailConverter.class)
    private String email;

    protected Contact() {
    }

    Contact(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }
}
