package io.github.customeremail.validation;

import io.github.customeremail.CustomerEmailValidator;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;

/**
 * A JPA converter that stores the normalized address ({@code juan.perez@gmail.com} for
 * {@code " Juan.Perez@Gmail,com "}): {@link CustomerEmails#normalizeOrKeep(String, CustomerEmailValidator)} on the
 * way to the database, the column as is on the way back. Safe repairs only, never a typo suggestion, never DNS;
 * what cannot be parsed is stored as typed, so keep {@link ValidCustomerEmail} on the attribute to refuse it.
 *
 * <pre>{@code
 * @Convert(converter = NormalizingEmailConverter.class)
 * @ValidCustomerEmail
 * private String email;
 * }</pre>
 *
 * <p>Hibernate ORM validates the entity (Bean Validation, pre-persist) before it converts the attribute, so the
 * constraint judges the value as typed and the column receives the repaired value. Needs
 * {@code jakarta.persistence-api} (any JPA provider brings it); this module does not depend on it otherwise.
 */
@Converter
public class NormalizingEmailConverter implements AttributeConverter<String, String> {

    private final CustomerEmailValidator validator;

    /** Normalizes with {@link CustomerEmails#defaultValidator()}; the constructor JPA providers call. */
    public NormalizingEmailConverter() {
        this.validator = null;
    }

    /**
     * Normalizes with the given validator (e.g. one that keeps the local part's case). Marked {@code @Inject} so
     * that containers which create converters (Spring's bean container for Hibernate ORM, CDI) pass the
     * application's validator.
     *
     * @param validator the configured validator
     */
    @jakarta.inject.Inject
    public NormalizingEmailConverter(CustomerEmailValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public String convertToDatabaseColumn(String email) {
        return validator == null ? CustomerEmails.normalizeOrKeep(email)
                : CustomerEmails.normalizeOrKeep(email, validator);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }
}
