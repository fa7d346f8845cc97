package org.switchboard.api.acd;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds what another system knows about a call before the distributor routes it: a CRM recognises the caller
 * and names the customer, their VIP level and the agent who served them last.
 * <p>
 * The distributor asks every registered enricher when a call enters it and waits for their answers at most
 * its configured enrichment budget; an enricher that is late, fails or throws is left out of that call (and
 * logged), the call is routed without it. Implementations must return at once and complete the stage from
 * their own threads.
 */
@ConsumerType
public interface CallEnricher {

    /** What this enricher knows about the call; complete with {@link CallEnrichment#NONE} when nothing. */
    CompletionStage<CallEnrichment> enrich(InboundCall call);
}
