package org.switchboard.api.call;

import java.util.List;
import java.util.Map;
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

    /**
     * The calls that meet the query, most recent first, at most {@code query.limit()} of them. The default reads
     * {@link #recent(int)} and filters it; a store backed by a database answers with a query of its own.
     *
     * @since 1.2
     */
    default List<CallDetailRecord> search(CallQuery query) {
        return recent(Integer.MAX_VALUE).stream().filter(query::matches).limit(query.limit()).toList();
    }

    /** Every state change of the call, oldest first. */
    List<CallStateChange> history(String callId);

    /** Calls whose record has not ended (after a crash: the calls that were in progress), oldest first. */
    List<CallDetailRecord> unfinished();

    /** Longest name of a call variable. */
    int VARIABLE_NAME_LENGTH = 128;
    /** Longest value of a call variable kept; a longer value is cut and ends with "…". */
    int VARIABLE_VALUE_LENGTH = 1000;

    /**
     * Stores data gathered about a call (IVR input, CRM data, survey answers) with its record, in one
     * transaction: each variable is added, or replaces the one of the same name. Values longer than
     * {@value #VARIABLE_VALUE_LENGTH} characters are cut, so that a long text never costs the others.
     *
     * @throws IllegalArgumentException when a name is blank or longer than {@value #VARIABLE_NAME_LENGTH}
     *                                  characters, or a name or value is {@code null}; nothing is written
     * @throws StoreException           when the call has no record or the database refuses the write
     */
    void saveVariables(String callId, Map<String, String> variables);

    /** The variables stored with the call, by name; empty for a call without any or an unknown one. */
    Map<String, String> variables(String callId);
}
