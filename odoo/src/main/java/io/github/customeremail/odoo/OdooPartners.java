package io.github.customeremail.odoo;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The audit's operations on Odoo's contacts: read them page by page, write safe repairs without losing a
 * clerk's edit, post a "¿Quiso decir …?" note, and blacklist addresses. In {@link Mode#DRY_RUN} it reads but
 * writes nothing, and reports what it would have written.
 */
public final class OdooPartners {

    /** Whether writes go to Odoo. */
    public enum Mode {
        /** Read only; outcomes say what would have been written. */
        DRY_RUN,
        /** Write to Odoo. */
        APPLY
    }

    private static final String PARTNER = "res.partner";
    private static final String BLACKLIST = "mail.blacklist";
    private static final List<String> CHECK_FIELDS = List.of("id", "write_date", "email");

    private final OdooClient client;
    private final Mode mode;

    /**
     * @param client a connected client
     * @param mode   dry run or apply
     */
    public OdooPartners(OdooClient client, Mode mode) {
        this.client = Objects.requireNonNull(client, "client");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * One page of partners with an email, in id order, after {@code afterId} (keyset paging: a partner created
     * or deleted meanwhile shifts no page).
     */
    public List<OdooPartner> page(int afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("page size must be positive, was " + limit);
        }
        List<Object> domain = List.of(List.of("id", ">", afterId), List.of("email", "!=", false));
        List<OdooPartner> partners = new ArrayList<>();
        for (Map<String, Object> row : client.searchRead(PARTNER, domain, OdooPartner.FIELDS, 0, limit, "id")) {
            partners.add(OdooPartner.fromRecord(row));
        }
        return partners;
    }

    /**
     * Reads every partner with an email after {@code afterId}, a page at a time.
     *
     * @param onPage receives each page; the last partner's id is where a rerun continues
     * @return how many partners were read
     */
    public long readAll(int afterId, int pageSize, Consumer<List<OdooPartner>> onPage) {
        long count = 0;
        int last = afterId;
        while (true) {
            List<OdooPartner> page = page(last, pageSize);
            if (page.isEmpty()) {
                return count;
            }
            onPage.accept(page);
            count += page.size();
            last = page.get(page.size() - 1).id();
            if (page.size() < pageSize) {
                return count;
            }
        }
    }

    /**
     * Writes repairs, {@code batchSize} partners at a time. Each batch is read again first; a partner whose
     * {@code write_date} or {@code email} changed since the audit read it is skipped. Partners getting the same
     * address share one {@code write}; when Odoo refuses such a call (it then writes none of them), each is
     * written alone so the others land and the refused one is reported.
     *
     * <p>Odoo reports {@code write_date} to the second, so an edit in the same second as the read is caught by
     * the {@code email} comparison only; the check and the write are two calls, so an edit between them (a few
     * milliseconds) is not caught: Odoo's external API has no conditional write.
     *
     * @return one outcome per fix, in the order given
     */
    public List<WriteOutcome> applyFixes(List<AddressFix> fixes, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        List<WriteOutcome> outcomes = new ArrayList<>(fixes.size());
        for (int start = 0; start < fixes.size(); start += batchSize) {
            outcomes.addAll(applyBatch(fixes.subList(start, Math.min(fixes.size(), start + batchSize))));
        }
        return outcomes;
    }

    private List<WriteOutcome> applyBatch(List<AddressFix> batch) {
        List<Integer> ids = batch.stream().map(AddressFix::partnerId).toList();
        Map<Integer, Map<String, Object>> current = new HashMap<>();
        for (Map<String, Object> row : client.searchRead(PARTNER, List.of(List.of("id", "in", ids)), CHECK_FIELDS,
                0, ids.size(), "id")) {
            current.put(id(row), row);
        }
        Map<Integer, WriteOutcome> outcomes = new HashMap<>();
        Map<String, List<Integer>> toWrite = new LinkedHashMap<>();
        for (AddressFix fix : batch) {
            Map<String, Object> row = current.get(fix.partnerId());
            if (row == null) {
                outcomes.put(fix.partnerId(), new WriteOutcome(fix.partnerId(), WriteOutcome.Status.SKIPPED_MISSING,
                        "deleted or archived since it was read"));
            } else if (fix.newEmail().equals(row.get("email"))) {
                outcomes.put(fix.partnerId(), new WriteOutcome(fix.partnerId(), WriteOutcome.Status.ALREADY_WRITTEN,
                        fix.newEmail()));
            } else if (!fix.readWriteDate().equals(row.get("write_date"))
                    || !fix.readEmail().equals(Objects.requireNonNullElse(asText(row.get("email")), ""))) {
                outcomes.put(fix.partnerId(), new WriteOutcome(fix.partnerId(), WriteOutcome.Status.SKIPPED_CHANGED,
                        "edited at " + row.get("write_date") + " after the audit read it at " + fix.readWriteDate()));
            } else if (mode == Mode.DRY_RUN) {
                outcomes.put(fix.partnerId(), new WriteOutcome(fix.partnerId(), WriteOutcome.Status.WOULD_WRITE,
                        fix.readEmail() + " → " + fix.newEmail()));
            } else {
                toWrite.computeIfAbsent(fix.newEmail(), k -> new ArrayList<>()).add(fix.partnerId());
            }
        }
        toWrite.forEach((email, group) -> write(email, group, outcomes));
        return batch.stream().map(fix -> outcomes.get(fix.partnerId())).toList();
    }

    private void write(String email, List<Integer> group, Map<Integer, WriteOutcome> outcomes) {
        try {
            client.write(PARTNER, group, Map.of("email", email));
            group.forEach(id -> outcomes.put(id, new WriteOutcome(id, WriteOutcome.Status.WRITTEN, email)));
        } catch (OdooFaultException refused) {
            if (group.size() == 1) {
                int id = group.get(0);
                outcomes.put(id, new WriteOutcome(id, WriteOutcome.Status.FAILED, refused.getMessage()));
                return;
            }
            // Odoo rolled the whole call back: find the refused partners one by one.
            for (Integer id : group) {
                write(email, List.of(id), outcomes);
            }
        }
    }

    private static int id(Map<String, Object> row) {
        if (row.get("id") instanceof Integer id) {
            return id;
        }
        throw new OdooProtocolException("a record without an integer id: " + row.get("id"));
    }

    private static String asText(Object value) {
        return value instanceof String s ? s : null;
    }

    /**
     * The external ids ({@code module.name}) of some partners, for a fixes file that imports into Odoo as updates.
     * Read from {@code ir.model.data}: {@code get_external_id} answers a dictionary keyed by integers, which
     * XML-RPC cannot carry. A partner created by hand has none; its fix must name it by database id
     * ({@code .id} in Odoo's import), never by a new external id, which Odoo's import would create as a new contact.
     *
     * @return external id by partner id, for the partners that have one (the first by {@code ir.model.data} id)
     */
    public Map<Integer, String> externalIds(List<Integer> partnerIds) {
        Map<Integer, String> found = new LinkedHashMap<>();
        List<Object> domain = List.of(List.of("model", "=", PARTNER), List.of("res_id", "in", partnerIds));
        for (Map<String, Object> row : client.searchRead("ir.model.data", domain, List.of("module", "name", "res_id"),
                0, 0, "id")) {
            if (row.get("res_id") instanceof Integer partner && row.get("module") instanceof String module
                    && row.get("name") instanceof String name) {
                found.putIfAbsent(partner, module + "." + name);
            }
        }
        return found;
    }

    /**
     * Posts a note (employees only) on the partner asking a clerk to confirm a suggested address with the
     * customer; the address itself is not changed.
     *
     * @return the new message's id, or 0 in a dry run
     */
    public int postSuggestion(int partnerId, String typed, String suggested, Locale locale) {
        String body = suggestionNote(typed, suggested, locale);
        return mode == Mode.DRY_RUN ? 0 : client.postNote(PARTNER, partnerId, body);
    }

    /** The note's text in the locale's language (Spanish, English, Portuguese; Spanish otherwise). */
    public static String suggestionNote(String typed, String suggested, Locale locale) {
        return note("note.suggestion", locale, typed, suggested);
    }

    /**
     * The note telling that mail to an address bounced for good (the mailbox does not exist) or that its owner
     * complained, with the receiving server's words, in the locale's language.
     *
     * @param complaint  a complaint rather than a bounce
     * @param day        when it happened, as the reader should see it (e.g. {@code 3/11/2026})
     * @param diagnostic what the receiving server said; may be empty
     */
    public static String feedbackNote(String address, boolean complaint, String day, String diagnostic,
                                      Locale locale) {
        String said = diagnostic == null || diagnostic.isBlank() ? note("note.noDiagnostic", locale)
                : diagnostic.strip();
        return note(complaint ? "note.complaint" : "note.bounce", locale, address, day, said);
    }

    /**
     * The note telling that an address cannot receive mail, with the reason as the validator words it.
     *
     * @param reason the check's headline in the same language
     */
    public static String invalidNote(String address, String reason, Locale locale) {
        return note("note.invalid", locale, address, reason);
    }

    /**
     * The note telling that the customer confirmed an address by reading back a code mailed to it.
     *
     * @param when  when, as the reader should see it (e.g. {@code 3/11/2026 14:05})
     * @param clerk who recorded it
     */
    public static String verifiedNote(String address, String when, String clerk, Locale locale) {
        return note("note.verified", locale, address, when, clerk);
    }

    /** The reference line that makes a note findable again (see {@link #postNoteOnce}). */
    public static String referenceLine(String reference, Locale locale) {
        return note("note.reference", locale, reference);
    }

    private static String note(String key, Locale locale, Object... arguments) {
        // Loaded through this module (a ResourceBundle.Control is refused in named modules); a language without
        // its own file gets the root bundle, never the JVM default locale's.
        Module module = OdooPartners.class.getModule();
        ResourceBundle bundle = ResourceBundle.getBundle("io.github.customeremail.odoo.messages", locale, module);
        String found = bundle.getLocale().getLanguage();
        if (!found.isEmpty() && !found.equals(locale.getLanguage())) {
            bundle = ResourceBundle.getBundle("io.github.customeremail.odoo.messages", Locale.ROOT, module);
        }
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /**
     * Posts a note on a partner unless one holding {@code reference} is there already, so that a delivery retried
     * after a lost answer posts nothing twice. The reference must be text Odoo stores as is in the note's HTML
     * (letters, digits, hyphens): it is looked up with {@code ilike} on {@code mail.message.body}.
     *
     * @param body      the note's text, which must contain {@code reference}
     * @param reference a token unique to this note
     */
    public NoteOutcome postNoteOnce(int partnerId, String body, String reference) {
        if (!reference.matches("[A-Za-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("a note reference is 8 to 64 letters, digits or hyphens: " + reference);
        }
        if (!body.contains(reference)) {
            throw new IllegalArgumentException("the note does not contain its reference " + reference);
        }
        List<Object> domain = List.of(List.of("model", "=", PARTNER), List.of("res_id", "=", partnerId),
                List.of("body", "ilike", reference));
        List<Map<String, Object>> found = client.searchRead("mail.message", domain, List.of("id"), 0, 1, "id");
        if (!found.isEmpty()) {
            return new NoteOutcome(partnerId, NoteOutcome.Status.ALREADY_POSTED, id(found.get(0)));
        }
        if (mode == Mode.DRY_RUN) {
            return new NoteOutcome(partnerId, NoteOutcome.Status.WOULD_POST, 0);
        }
        return new NoteOutcome(partnerId, NoteOutcome.Status.POSTED, client.postNote(PARTNER, partnerId, body));
    }

    /**
     * The active partners whose {@code email_normalized} is this address (as Odoo normalizes it): those Odoo's
     * blacklist applies to.
     *
     * @return their ids, ascending
     */
    public List<Integer> partnersUsing(String email) {
        String address = OdooAddresses.odooNormalize(email)
                .orElseThrow(() -> new IllegalArgumentException("not an address: " + email));
        List<Integer> ids = new ArrayList<>();
        for (Map<String, Object> row : client.searchRead(PARTNER, List.of(List.of("email_normalized", "=", address)),
                List.of("id"), 0, 0, "id")) {
            ids.add(id(row));
        }
        return ids;
    }

    /** One active partner as the audit reads it, or empty when it was deleted or archived. */
    public java.util.Optional<OdooPartner> find(int partnerId) {
        List<Map<String, Object>> rows = client.searchRead(PARTNER, List.of(List.of("id", "=", partnerId)),
                OdooPartner.FIELDS, 0, 1, "id");
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(OdooPartner.fromRecord(rows.get(0)));
    }

    /** How many partners with an email come after {@code afterId}: the total {@link #readAll} will read. */
    public long countAfter(int afterId) {
        return client.searchCount(PARTNER, List.of(List.of("id", ">", afterId), List.of("email", "!=", false)),
                Map.of());
    }

    /**
     * Adds an address to {@code mail.blacklist}: creates the entry, or re-activates an archived one (Odoo's
     * {@code create} would return the archived entry unchanged).
     */
    public BlacklistOutcome blacklist(String email) {
        String address = OdooAddresses.odooNormalize(email)
                .orElseThrow(() -> new IllegalArgumentException("not an address: " + email));
        List<Map<String, Object>> rows = client.searchRead(BLACKLIST, List.of(List.of("email", "=", address)),
                List.of("id", "active"), 0, 1, "id", Map.of("active_test", false));
        if (rows.isEmpty()) {
            if (mode == Mode.DRY_RUN) {
                return new BlacklistOutcome(address, BlacklistOutcome.Status.WOULD_CREATE, 0);
            }
            int id = client.create(BLACKLIST, Map.of("email", address));
            return new BlacklistOutcome(address, BlacklistOutcome.Status.CREATED, id);
        }
        int id = id(rows.get(0));
        if (Boolean.TRUE.equals(rows.get(0).get("active"))) {
            return new BlacklistOutcome(address, BlacklistOutcome.Status.ALREADY_BLACKLISTED, id);
        }
        if (mode == Mode.DRY_RUN) {
            return new BlacklistOutcome(address, BlacklistOutcome.Status.WOULD_REACTIVATE, id);
        }
        client.write(BLACKLIST, List.of(id), Map.of("active", true));
        return new BlacklistOutcome(address, BlacklistOutcome.Status.REACTIVATED, id);
    }

    /**
     * Takes an address off {@code mail.blacklist} as Odoo's own {@code mail.blacklist._remove} does (the
     * "unblacklist" of Odoo 14 to 19): the entry is archived ({@code active} false), never deleted, so that its history
     * stays. An address without an active entry is left alone (Odoo would create an archived entry: nothing to gain).
     */
    public BlacklistOutcome unblacklist(String email) {
        String address = OdooAddresses.odooNormalize(email)
                .orElseThrow(() -> new IllegalArgumentException("not an address: " + email));
        List<Map<String, Object>> rows = client.searchRead(BLACKLIST, List.of(List.of("email", "=", address)),
                List.of("id", "active"), 0, 1, "id");
        if (rows.isEmpty()) {
            return new BlacklistOutcome(address, BlacklistOutcome.Status.NOT_BLACKLISTED, 0);
        }
        int id = id(rows.get(0));
        if (mode == Mode.DRY_RUN) {
            return new BlacklistOutcome(address, BlacklistOutcome.Status.WOULD_ARCHIVE, id);
        }
        client.write(BLACKLIST, List.of(id), Map.of("active", false));
        return new BlacklistOutcome(address, BlacklistOutcome.Status.ARCHIVED, id);
    }
}
