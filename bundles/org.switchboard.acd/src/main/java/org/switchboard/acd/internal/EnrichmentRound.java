package org.switchboard.acd.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The enrichers asked about one call, until all of them answered or the budget ran out. The call is not
 * routed meanwhile. Touched only on the decision thread (answers are handed to it).
 */
final class EnrichmentRound {
    final String callId;
    /** The enrichers that have not answered yet. */
    final Set<String> waitingFor = new LinkedHashSet<>();
    Timers.Timer budget;
    /** All answered, the budget ran out or the call ended: later answers are ignored. */
    boolean over;
    /** A late answer has been logged; one line per call is enough. */
    boolean lateLogged;

    EnrichmentRound(String callId) {
        this.callId = callId;
    }

    void end() {
        over = true;
        waitingFor.clear();
        if (budget != null) {
            budget.cancel();
            budget = null;
        }
    }
}
