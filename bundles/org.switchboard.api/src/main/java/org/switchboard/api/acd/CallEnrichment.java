package org.switchboard.api.acd;

import java.util.Map;

/**
 * What an enricher found about a call.
 *
 * @param variables     added to the call's variables (an enricher's keys start with its own prefix, for example
 *                      {@code crm.customerId}); they reach the routing strategy, the agent and the call's record
 * @param priorityBoost added to the call's priority (0 for none; for example a VIP level)
 */
public record CallEnrichment(Map<String, String> variables, int priorityBoost) {
    public static final CallEnrichment NONE = new CallEnrichment(Map.of(), 0);

    public CallEnrichment {
        variables = Map.copyOf(variables);
    }
}
