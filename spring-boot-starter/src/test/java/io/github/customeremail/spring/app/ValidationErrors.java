package io.github.customeremail.spring.app;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns violations into {@code 400 {"errors": [{"field": …, "message": …}]}}. */
@RestControllerAdvice
public class ValidationErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> body(MethodArgumentNotValidException e) {
        return ResponseEntity.badRequest().body(Map.of("errors", e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList()));
    }

    @ExceptionHandler({ConstraintViolationException.class, TransactionSystemException.class})
    ResponseEntity<Map<String, Object>> entity(Exception e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw new IllegalStateException(NestedExceptionUtils.getMostSpecificCause(e));
        }
        List<Map<String, String>> errors = ((ConstraintViolationException) cause).getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Map.of("errors", errors));
    }
}
