package io.github.customeremail.examples.boot3;

import io.github.customeremail.validation.CustomerEmails;
import io.github.customeremail.validation.ValidCustomerEmail;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /signups {"email": …}}: 201 with the stored contact, or 400 with the reason. */
@RestController
public class SignupController {

    /** The request body. */
    public record Signup(@ValidCustomerEmail String email) {
    }

    private final Contacts contacts;

    SignupController(Contacts contacts) {
        this.contacts = contacts;
    }

    @PostMapping("/signups")
    ResponseEntity<Contact> signUp(@Valid @RequestBody Signup signup) {
        return ResponseEntity.status(201).body(contacts.save(new Contact(CustomerEmails.normalizeOrKeep(signup.email()))));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, String>> refused(MethodArgumentNotValidException e) {
        FieldError error = e.getBindingResult().getFieldError();
        return ResponseEntity.badRequest().body(Map.of("reason", String.valueOf(error.getDefaultMessage())));
    }
}
