package io.github.customeremail;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SuppressionList} held in memory, for applications that keep their own list (loaded from a file, a
 * table or the service's export). Thread-safe: entries may be added and removed while validators use it.
 *
 * <pre>{@code
 * InMemorySuppressionList suppressed = new InMemorySuppressionList();
 * suppressed.add(new SuppressionEntry("juan@gmail.com", SuppressionReason.MAILBOX_DOES_NOT_EXIST,
 *         LocalDate.of(2026, 11, 3), "smtp; 550 5.1.1 user unknown"));
 * CustomerEmailValidator validator = CustomerEmailValidator.builder().suppressionList(suppressed).build();
 * }</pre>
 */
public final class InMemorySuppressionList implements SuppressionList {

    private final ConcurrentMap<String, SuppressionEntry> entries = new ConcurrentHashMap<>();

    /** An empty list. */
    public InMemorySuppressionList() {
    }

    /**
     * @param entries the initial entries; a later entry for the same address replaces an earlier one
     * @return a list holding them
     */
    public static InMemorySuppressionList of(Collection<SuppressionEntry> entries) {
        InMemorySuppressionList list = new InMemorySuppressionList();
        entries.forEach(list::add);
        return list;
    }

    /**
     * Adds or replaces the entry of its address.
     *
     * @param entry the entry
     */
    public void add(SuppressionEntry entry) {
        Objects.requireNonNull(entry, "entry");
        entries.put(SuppressionList.key(entry.address()), entry);
    }

    /**
     * Lifts the suppression of an address.
     *
     * @param address the address (any case)
     * @return whether it was suppressed
     */
    public boolean remove(String address) {
        return entries.remove(SuppressionList.key(Objects.requireNonNull(address, "address"))) != null;
    }

    /** @return a snapshot of the entries, in no particular order */
    public List<SuppressionEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** @return how many addresses are suppressed */
    public int size() {
        return entries.size();
    }

    @Override
    public Optional<SuppressionEntry> find(String normalizedAddress) {
        if (normalizedAddress == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(SuppressionList.key(normalizedAddress)));
    }
}
