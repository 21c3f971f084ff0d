package io.github.customeremail.spring.app;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.validation.ValidCustomerEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registers customers. */
@RestController
public class CustomerController {

    /** The request body. */
    public record NewCustomer(String name, @NotBlank @ValidCustomerEmail String email) {
    }

    private final CustomerRepository customers;
    private final CustomerEmailValidator validator;

    public CustomerController(CustomerRepository customers, CustomerEmailValidator validator) {
        this.customers = customers;
        this.validator = validator;
    }

    /** Validated twice: the request body here, the entity by Hibernate before insert. */
    @PostMapping("/customers")
    public ResponseEntity<Customer> create(@Valid @RequestBody NewCustomer body) {
        // Store what the validator repaired, not what was typed.
        String email = validator.checkOffline(body.email()).normalized().orElseThrow();
        Customer saved = customers.save(new Customer(body.name(), email));
        return ResponseEntity.created(URI.create("/customers/" + saved.getId())).body(saved);
    }

    /** No @Valid: only Hibernate's pre-insert validation stands between the input and the table. */
    @PostMapping("/customers/unchecked")
    public ResponseEntity<Customer> createUnchecked(@RequestBody NewCustomer body) {
        Customer saved = customers.save(new Customer(body.name(), body.email()));
        return ResponseEntity.created(URI.create("/customers/" + saved.getId())).body(saved);
    }
}
