package org.switchboard.web.internal.events;

import java.util.Optional;

import org.switchboard.web.internal.auth.WebUser;

/** Something that happened, as each user may see it: a Server-Sent Events frame, or nothing for a user it is not for. */
@FunctionalInterface
public interface LiveEvent {

    Optional<String> frameFor(WebUser user);

    /** An SSE frame: the event's name and its data on one line. */
    static String frame(String name, String data) {
        return "event: " + name + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n";
    }
}
