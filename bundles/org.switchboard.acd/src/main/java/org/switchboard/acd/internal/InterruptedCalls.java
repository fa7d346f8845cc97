package org.switchboard.acd.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;

/**
 * Closes, when the distributor starts, the records of the calls that were in progress when the server stopped
 * without ending them (a crash, a {@code kill -9}, a power cut): each ends as {@link Disposition#INTERRUPTED}.
 * <p>
 * The end time is the time of the call's last recorded state change. Nothing later about the call is known: the
 * server may have died a second or an hour after that change, and what happened to the call meanwhile (a caller
 * hanging up, say) was never seen. So the record claims no talk or wait time that was not observed; an answered
 * call shows the talk time up to its answer, that is none.
 */
final class InterruptedCalls {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedCalls.class);

    private final CallDetailRecordStore records;

    InterruptedCalls(CallDetailRecordStore records) {
        this.records = records;
    }

    /** @return how many calls were closed; a call that cannot be closed now is logged and tried at the next start */
    int closeAll() {
        List<CallDetailRecord> unfinished = records.unfinished();
        int closed = 0;
        for (CallDetailRecord call : unfinished) {
            try {
                close(call);
                closed++;
            } catch (RuntimeException e) {
                LOG.error("call {} was in progress when the server stopped but could not be closed; the next start "
                        + "tries again", call.callId(), e);
            }
        }
        if (unfinished.isEmpty()) {
            LOG.info("no call was left in progress by the last stop of the server");
        } else {
            LOG.warn("{} of {} calls left in progress by the last stop of the server closed as interrupted, each "
                    + "ending at its last recorded change", closed, unfinished.size());
        }
        return closed;
    }

    private void close(CallDetailRecord call) {
        List<CallStateChange> history = records.history(call.callId());
        Instant lastKnown = Stream.concat(history.stream().map(CallStateChange::at),
                Stream.of(call.arrivedAt(), call.offeredAt(), call.answeredAt()))
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
        String state = call.state().name().toLowerCase(Locale.ROOT);
        records.save(call.ended(Disposition.INTERRUPTED, lastKnown), new CallStateChange(call.callId(),
                CallState.ENDED, lastKnown, "interrupted: the server stopped while the call was " + state));
    }
}
