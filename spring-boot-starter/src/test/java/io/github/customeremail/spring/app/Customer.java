package io.github.customeremail.spring.app;

import io.github.customeremail.validation.NormalizingEmailConverter;
import io.github.customeremail.validation.ValidCustomerEmail;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A customer row; Hibernate validates it before insert and stores the normalized address. */
@Entity
public class Customer {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ValidCustomerEmail
    @Convert(converter = NormalizingEmailConverter.class)
    private String email;

    protected Customer() {
    }

    public Customer(String name, String email) {
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
