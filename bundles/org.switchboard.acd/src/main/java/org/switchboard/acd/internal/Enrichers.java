package org.switchboard.acd.internal;

import java.util.List;

import org.switchboard.api.acd.CallEnrichment;
import org.switchboard.api.acd.InboundCall;

/** The call enrichers, as the distribution asks them about a new call. */
interface Enrichers {

    /** No enricher: calls are routed at once. */
    Enrichers NONE = (call, answer) -> List.of();

    /**
     * Asks every enricher about the call, without waiting for any. Each answer comes back through
     * {@code answer} on the decision thread, after the task that asked.
     *
     * @return the names of the enrichers asked (distinct), each of which answers exactly once
     */
    List<String> ask(InboundCall call, Answer answer);

    interface Answer {
        /** {@code failure} is {@code null} when the enricher answered with {@code enrichment}. */
        void answered(String enricher, CallEnrichment enrichment, Throwable failure);
    }
}
