package org.switchboard.api.ivr;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The call flows configured on the server, one per service number, plus named flows such as surveys. */
@ProviderType
public interface CallFlows {

    /** The name of the flow that answers calls to {@code dnis}, if one is configured. */
    Optional<String> flowForNumber(String dnis);

    /**
     * Runs the named flow for a call. Returns at once; the flow drives the call through {@code call} until it
     * queues the call, hangs up or the caller leaves.
     *
     * @throws IllegalArgumentException when there is no flow of that name
     */
    void run(String flowName, IvrCall call);

    /** The names of the flows loaded now. */
    Set<String> flowNames();

    /**
     * What is wrong with the flow files as they were last read, one line per problem naming the file, the line
     * and the reason; empty when every file loaded. A file with problems keeps its previous flow, if any.
     */
    List<String> loadProblems();
}
