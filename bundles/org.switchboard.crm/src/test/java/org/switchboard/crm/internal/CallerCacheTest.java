package org.switchboard.crm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;

public class CallerCacheTest {

    private final AtomicLong nanos = new AtomicLong();

    private static Optional<CustomerCard> card(String id) {
        return Optional.of(new CustomerCard(new Customer(id, "name " + id, 0, null, null, null, List.of(), List.of(),
                Instant.EPOCH), 0, List.of(), null));
    }

    @Test
    public void anAnswerIsReusedUntilItExpires() {
        CallerCache cache = new CallerCache(10, 60, nanos::get);
        cache.put("builtin", "5551000", card("C1"));

        nanos.addAndGet(59_000_000_000L);
        assertEquals(Optional.of(card("C1")), cache.get("builtin", "5551000"));
        nanos.addAndGet(1_000_000_000L);
        assertFalse(cache.get("builtin", "5551000").isPresent());
    }

    @Test
    public void anUnknownCallerIsCachedAsUnknown() {
        CallerCache cache = new CallerCache(10, 60, nanos::get);
        cache.put("builtin", "5551000", Optional.empty());

        assertEquals(Optional.of(Optional.empty()), cache.get("builtin", "5551000"));
    }

    @Test
    public void answersOfOneAdapterAreNotAnswersOfAnother() {
        CallerCache cache = new CallerCache(10, 60, nanos::get);
        cache.put("builtin", "5551000", card("C1"));

        assertFalse(cache.get("rest", "5551000").isPresent());
    }

    @Test
    public void theLeastRecentlyUsedAnswerGoesFirstWhenTheCacheIsFull() {
        CallerCache cache = new CallerCache(2, 60, nanos::get);
        cache.put("builtin", "1", card("C1"));
        cache.put("builtin", "2", card("C2"));
        cache.get("builtin", "1");
        cache.put("builtin", "3", card("C3"));

        assertFalse(cache.get("builtin", "2").isPresent());
        assertEquals(Optional.of(card("C1")), cache.get("builtin", "1"));
        assertEquals(Optional.of(card("C3")), cache.get("builtin", "3"));
    }

    @Test
    public void aForgottenNumberIsAskedAgain() {
        CallerCache cache = new CallerCache(10, 60, nanos::get);
        cache.put("builtin", "5551000", Optional.empty());
        cache.forget("builtin", "5551000");

        assertFalse(cache.get("builtin", "5551000").isPresent());
    }

    @Test
    public void withNoLifetimeNothingIsKept() {
        CallerCache cache = new CallerCache(10, 0, nanos::get);
        cache.put("builtin", "5551000", card("C1"));

        assertFalse(cache.get("builtin", "5551000").isPresent());
    }
}
