package org.switchboard.crm.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.switchboard.crm.api.CustomerCard;

/**
 * Recent answers of the CRM per adapter and calling number, unknown callers included, so that a caller who calls
 * again soon is recognised without asking the CRM. Bounded: the least recently used answer goes first.
 * Thread-safe.
 */
final class CallerCache {

    private record Entry(Optional<CustomerCard> card, long expiresAt) {
    }

    private final long lifetimeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries;

    CallerCache(int size, long lifetimeSeconds, LongSupplier nanoTime) {
        this.lifetimeNanos = lifetimeSeconds * 1_000_000_000L;
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > size;
            }
        };
    }

    /** The cached answer; empty when there is none or it has expired. */
    synchronized Optional<Optional<CustomerCard>> get(String adapter, String phone) {
        String key = key(adapter, phone);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.card());
    }

    synchronized void put(String adapter, String phone, Optional<CustomerCard> card) {
        if (lifetimeNanos > 0) {
            entries.put(key(adapter, phone), new Entry(card, nanoTime.getAsLong() + lifetimeNanos));
        }
    }

    /** Forgets what is known of the number, for example when the caller just became a customer. */
    synchronized void forget(String adapter, String phone) {
        entries.remove(key(adapter, phone));
    }

    private static String key(String adapter, String phone) {
        return adapter + '\n' + phone;
    }
}
