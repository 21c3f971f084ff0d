package io.github.customeremail.spring;

/**
 * A {@code customer-email.*} property has a value the library refuses. Thrown while the application starts; Spring
 * Boot's failure analysis turns it into a message naming the property, its value and why it was refused.
 */
public final class InvalidCustomerEmailPropertyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final transient Object value;
    private final String reason;

    /**
     * @param property the full property name, e.g. {@code customer-email.dns.servers}
     * @param value the refused value
     * @param reason why it was refused
     * @param cause what the library threw, or {@code null}
     */
    public InvalidCustomerEmailPropertyException(String property, Object value, String reason, Throwable cause) {
        super("Invalid value '" + value + "' for property '" + property + "': " + reason, cause);
        this.property = property;
        this.value = value;
        this.reason = reason;
    }

    /** @return the full property name */
    public String property() {
        return property;
    }

    /** @return the refused value */
    public Object value() {
        return value;
    }

    /** @return why it was refused */
    public String reason() {
        return reason;
    }
}
