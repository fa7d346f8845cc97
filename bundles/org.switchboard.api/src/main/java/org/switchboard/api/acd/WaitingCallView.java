package org.switchboard.api.acd;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A call waiting in a queue, as an agent previews it.
 *
 * @param callId        the server's id of the call
 * @param ani           the caller's number
 * @param dnis          the number called
 * @param queue         the queue it waits in
 * @param position      1 for the call the queue serves next
 * @param priority      its priority in the queue (the queue's plus the call's own; higher is served first)
 * @param arrivedAt     when the call reached the server
 * @param previousAgent the agent last offered the call (it came back to the queue), or {@code null}
 * @param variables     what is known about the call (IVR input, CRM data)
 */
public record WaitingCallView(String callId, String ani, String dnis, String queue, int position, int priority,
        Instant arrivedAt, String previousAgent, Map<String, String> variables) {
    public WaitingCallView {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        variables = Map.copyOf(variables);
    }
}
