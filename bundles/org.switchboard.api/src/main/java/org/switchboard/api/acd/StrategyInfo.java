package org.switchboard.api.acd;

import java.util.List;

/**
 * A routing strategy installed in the server.
 *
 * @param name     the name queues select it by
 * @param bundle   symbolic name of the bundle providing it
 * @param version  that bundle's version
 * @param queues   queues that name it as their strategy now
 */
public record StrategyInfo(String name, String bundle, String version, List<String> queues) {
    public StrategyInfo {
        queues = List.copyOf(queues);
    }
}
