package io.github.customeremail.spring;

import java.util.List;
import java.util.function.Consumer;

/** Applies one property to a library builder; what the builder refuses is reported under the property's name. */
final class Settings {

    private Settings() {
    }

    static <T> void apply(String property, T value, Consumer<T> setter) {
        try {
            setter.accept(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            String reason = e.getMessage() != null ? e.getMessage() : "a value is required";
            throw new InvalidCustomerEmailPropertyException(property, value, reason, e);
        }
    }

    static <T> void applyIfSet(String property, T value, Consumer<T> setter) {
        if (value != null) {
            apply(property, value, setter);
        }
    }

    /** Applies the list item by item, so that the message names the refused item. */
    static void applyList(String property, List<String> values, Consumer<String[]> setter) {
        for (String value : values) {
            apply(property, value, v -> setter.accept(new String[] {v}));
        }
    }
}
