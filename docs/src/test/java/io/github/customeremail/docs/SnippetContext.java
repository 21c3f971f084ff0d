package io.github.customeremail.docs;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.MailDomainChecker;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the docs' examples take as given: the application's own methods and objects. An example that is a list of
 * statements is compiled (and, in README.md, run) as a method of a subclass.
 */
public abstract class SnippetContext {

    /** Addresses the example saved. */
    public final List<String> saved = new ArrayList<>();

    /** A mail-domain checker the application built (the examples only pass it on). */
    protected MailDomainChecker dnsChecker;

    /** A validator the application built. */
    protected CustomerEmailValidator customerEmailValidator;

    /** A violation the application got from {@code validator.validate(customer)}. */
    protected ConstraintViolation<Customer> violation;

    /** The Odoo README's repairs to write, and a contact to note. */
    protected List<io.github.customeremail.odoo.AddressFix> fixes = new ArrayList<>();
    protected int partnerId;
    /** The Odoo README's connected client (its first block makes one). */
    protected io.github.customeremail.odoo.OdooClient odoo;

    /** The application's bean. */
    public static class Customer {
        /** The customer's address. */
        public String email;
    }

    /**
     * The example.
     *
     * @throws Exception whatever the example throws
     */
    public abstract void run() throws Exception;

    protected void save(String address) {
        saved.add(address);
    }

    protected void saveAndRecheckLater(String address) {
        saved.add(address);
    }

    protected void ask(String question) {
    }

    protected void refuse(String reason) {
    }

    protected void audit(io.github.customeremail.odoo.OdooPartner partner) {
    }
}
