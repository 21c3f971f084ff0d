package io.github.customeremail.service.odoo;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.SuppressionReason;
import io.github.customeremail.odoo.BlacklistOutcome;
import io.github.customeremail.odoo.NoteOutcome;
import io.github.customeremail.odoo.OdooAddresses;
import io.github.customeremail.odoo.OdooPartner;
import io.github.customeremail.odoo.OdooPartners;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Does what one outbox row asks in Odoo, and says what it did. Every step may be repeated after a failure without
 * doubling anything: the blacklist is looked up before it is written, and a note is looked up by its reference
 * before it is posted.
 */
final class OdooDelivery {

    private static final String NOT_BLACKLISTABLE = "not an address Odoo can blacklist: nothing done";

    private final OdooConnection connection;
    private final CustomerEmailValidator validator;
    private final Locale locale;

    OdooDelivery(OdooConnection connection, CustomerEmailValidator validator, Locale locale) {
        this.connection = connection;
        this.validator = validator;
        this.locale = locale;
    }

    /**
     * @return what was done, for the outbox's record
     * @throws RuntimeException when Odoo could not be reached or refused (the row is tried again later)
     */
    Outcome deliver(OdooOutbox.Entry entry) {
        OdooPartners partners = new OdooPartners(connection.client(), OdooPartners.Mode.APPLY);
        return switch (entry.kind()) {
            case FEEDBACK -> Outcome.done(feedback(entry, partners));
            case CHECK -> check(entry, partners);
            case VERIFIED -> Outcome.done(verified(entry, partners));
            case LIFTED -> Outcome.done(lifted(entry, partners));
        };
    }

    /**
     * What a delivery did.
     *
     * @param text          what was done, for the outbox's record
     * @param indeterminate whether a check could not decide (DNS did not answer): worth checking again later
     */
    record Outcome(String text, boolean indeterminate) {
        static Outcome done(String text) {
            return new Outcome(text, false);
        }
    }

    /** Archives the address's blacklist entry; a repeated delivery finds it archived and writes nothing. */
    private static String lifted(OdooOutbox.Entry entry, OdooPartners partners) {
        return blacklistable(entry) ? "unblacklist " + partners.unblacklist(entry.address()).status().name()
                : NOT_BLACKLISTABLE;
    }

    private static boolean blacklistable(OdooOutbox.Entry entry) {
        return OdooAddresses.odooNormalize(entry.address()).isPresent();
    }

    private String feedback(OdooOutbox.Entry entry, OdooPartners partners) {
        if (!blacklistable(entry)) {
            return NOT_BLACKLISTABLE;
        }
        BlacklistOutcome blacklisted = partners.blacklist(entry.address());
        boolean complaint = SuppressionReason.COMPLAINT.name().equals(entry.reason());
        String body = OdooPartners.feedbackNote(entry.address(), complaint, day(entry), entry.diagnostic(), locale)
                + " " + OdooPartners.referenceLine(entry.reference(), locale);
        return "blacklist " + blacklisted.status().name() + "; " + noteOnPartnersUsing(entry, body, partners);
    }

    /** Posts the note, once, on every partner whose normalized email is the entry's address; says what was done. */
    private static String noteOnPartnersUsing(OdooOutbox.Entry entry, String body, OdooPartners partners) {
        List<String> notes = new ArrayList<>();
        for (int partnerId : partners.partnersUsing(entry.address())) {
            NoteOutcome note = partners.postNoteOnce(partnerId, body, entry.reference());
            notes.add(partnerId + " " + note.status().name());
        }
        return "notes: " + (notes.isEmpty() ? "no partner uses it" : String.join(", ", notes));
    }

    private String verified(OdooOutbox.Entry entry, OdooPartners partners) {
        String when = DateTimeFormatter.ofPattern(datePattern() + " HH:mm", locale)
                .format(entry.occurredAt().atZone(ZoneOffset.UTC)) + " UTC";
        String body = OdooPartners.verifiedNote(entry.address(), when, entry.diagnostic(), locale) + " "
                + OdooPartners.referenceLine(entry.reference(), locale);
        return noteOnPartnersUsing(entry, body, partners);
    }

    private Outcome check(OdooOutbox.Entry entry, OdooPartners partners) {
        Optional<OdooPartner> partner = partners.find(entry.partnerId());
        if (partner.isEmpty()) {
            return Outcome.done("partner deleted or archived: nothing posted");
        }
        String current = partner.get().email().orElse("");
        if (!current.strip().equalsIgnoreCase(entry.address().strip())) {
            // A newer webhook call (queued with the new address) speaks for the partner now.
            return Outcome.done("the email changed since the webhook call: nothing posted");
        }
        EmailCheck check = validator.check(current);
        String body;
        switch (check.verdict()) {
            case VALID:
                return Outcome.done("VALID: nothing posted");
            case UNKNOWN:
                return new Outcome("UNKNOWN (DNS did not answer): nothing posted", true);
            case SUGGEST:
                body = OdooPartners.suggestionNote(current, check.suggestion().orElseThrow().address(), locale);
                break;
            default:
                body = OdooPartners.invalidNote(current, check.headline(locale).orElse(""), locale);
                break;
        }
        NoteOutcome note = partners.postNoteOnce(entry.partnerId(),
                body + " " + OdooPartners.referenceLine(entry.reference(), locale), entry.reference());
        return Outcome.done(check.verdict().name() + ": note " + note.status().name());
    }

    private String day(OdooOutbox.Entry entry) {
        LocalDate day = LocalDate.ofInstant(entry.occurredAt(), ZoneOffset.UTC);
        return DateTimeFormatter.ofPattern(datePattern(), locale).format(day);
    }

    private String datePattern() {
        return switch (locale.getLanguage()) {
            case "en" -> "MMMM d, yyyy";
            case "pt" -> "dd/MM/yyyy";
            default -> "d/M/yyyy";
        };
    }
}
