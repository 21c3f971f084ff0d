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

    private static final int INITIAL_FILTER_CAPACITY = 1024;

    private final ConcurrentMap<String, SuppressionEntry> entries = new ConcurrentHashMap<>();
    /**
     * Holds every key added (and those removed since the last rebuild): a check of an address that is not listed,
     * nearly every check, reads this small array instead of the map's. Replaced, larger, as the list grows.
     */
    private volatile HashFilter filter = new HashFilter(INITIAL_FILTER_CAPACITY);
    /** How many keys {@link #filter} is sized for; guarded by {@code this}, like every change of the filter. */
    private int filterCapacity = INITIAL_FILTER_CAPACITY;

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
    public synchronized void add(SuppressionEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String key = SuppressionList.key(entry.address());
        entries.put(key, entry);
        if (entries.size() <= filterCapacity) {
            filter.add(hash(key));
            return;
        }
        while (filterCapacity < entries.size()) {
            filterCapacity *= 2;
        }
        HashFilter larger = new HashFilter(filterCapacity);
        for (String k : entries.keySet()) {
            larger.add(hash(k));
        }
        filter = larger;
    }

    private static int hash(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
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
        String key = SuppressionList.key(normalizedAddress);
        if (!filter.mightContain(hash(key))) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(key));
    }
}
