package org.switchboard.api.ivr;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The files the call flows are read from, for operators: which flow each file defines, and a check of a file
 * before it is put in place. Methods return at once (a check reads one file) and may be called from any thread.
 */
@ProviderType
public interface CallFlowFiles {

    /** The folder the flows are read from. */
    String directory();

    /** The flows loaded now, by name. */
    List<LoadedFlow> flows();

    /**
     * Validates a flow file without loading it: the same checks as a load, including service numbers that other
     * loaded flows already answer. Returns one line per problem naming the file, the line and the reason; empty
     * when the file would load.
     *
     * @param file a path, absolute or relative to {@link #directory()}
     */
    List<String> check(String file);

    /**
     * A flow in use.
     *
     * @param name    the flow's name (its file name without {@code .yaml})
     * @param numbers the service numbers it answers; empty for a flow run by name (a survey)
     * @param file    the file it was read from
     */
    record LoadedFlow(String name, List<String> numbers, String file) {
        public LoadedFlow {
            numbers = List.copyOf(numbers);
        }
    }
}
