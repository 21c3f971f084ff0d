package io.github.customeremail.examples.boot;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.validation.ValidCustomerEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /contacts {"name": …, "email": …}}: 201 with the stored contact, or 400 with the reasons. */
@RestController
public class ContactController {

    /** What the form sends. */
    public record ContactForm(@NotBlank String name, @NotBlank @ValidCustomerEmail String email) {
    }

    private final Contacts contacts;
    private final CustomerEmailValidator validator;

    ContactController(Contacts contacts, CustomerEmailValidator validator) {
        this.contacts = contacts;
        this.validator = validator;
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact create(@Valid @RequestBody ContactForm form) {
        // Save what the validator repaired (" Juan.Perez@Gmail,com " → "juan.perez@gmail.com"), not what was typed.
        String email = validator.checkOffline(form.email()).normalized().orElseThrow();
        return contacts.save(new Contact(form.name(), email));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, List<String>> refused(MethodArgumentNotValidException e) {
        return Map.of("errors", e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).toList());
    }
}
