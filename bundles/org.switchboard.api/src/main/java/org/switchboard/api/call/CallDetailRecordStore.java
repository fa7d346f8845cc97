package org.switchboard.api.call;

import java.util.List;
import java.util.Optional;

/**
 * Durable storage of call detail records and of every state change of a call.
 * <p>
 * Callers are the distributor's single decision thread; implementations may block for the time of a local
 * database commit (milliseconds) but must be safe to call from any thread. A method returns only once the
 * data is durable; when it throws, nothing of that call was written.
 */
public interface CallDetailRecordStore {

    /**
     * Writes the record (inserting or replacing the one with the same call id) and appends the state change,
     * in one transaction.
     *
     * @throws StoreException when the database refuses the write
     */
    void save(CallDetailRecord record, CallStateChange change);

    Optional<CallDetailRecord> find(String callId);

    /** The most recent calls first, at most {@code limit} of them. */
    List<CallDetailRecord> recent(int limit);

    /** Every state change of the call, oldest first. */
    List<CallStateChange> history(String callId);

    /** Calls whose record has not ended (after a crash: the calls that were in progress), oldest first. */
    List<CallDetailRecord> unfinished();
}
