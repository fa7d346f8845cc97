package org.switchboard.recording.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings of {@code etc/org.switchboard.recording.cfg}: a policy and a retention per queue, with defaults for
 * the queues not named, the call flows whose calls are recorded from the flow's answer, and the free space below
 * which no recording starts.
 *
 * @param defaultPolicy       the policy of queues without {@code policy.QUEUE}
 * @param policies            {@code policy.QUEUE} by queue
 * @param defaultRetentionDays days kept for queues without {@code retentionDays.QUEUE}; 0 keeps them for ever
 * @param retentionDays       {@code retentionDays.QUEUE} by queue
 * @param minFreeBytes        no recording starts, and those in progress stop, below this free space
 * @param flowPolicies        {@code flowPolicy.FLOW} by call flow: the calls the flow answers are recorded from then
 *                            on by this policy, whatever their queue's says; flows not named do not record
 */
record RecordingSettings(RecordingPolicy defaultPolicy, Map<String, RecordingPolicy> policies,
        int defaultRetentionDays, Map<String, Integer> retentionDays, long minFreeBytes,
        Map<String, RecordingPolicy> flowPolicies) {

    static final String PID = "org.switchboard.recording";
    static final String POLICY_PREFIX = "policy.";
    static final String RETENTION_PREFIX = "retentionDays.";
    static final String FLOW_POLICY_PREFIX = "flowPolicy.";
    static final String DEFAULT = "default";
    static final long DEFAULT_MIN_FREE_MEGABYTES = 500;

    RecordingSettings {
        policies = Map.copyOf(policies);
        retentionDays = Map.copyOf(retentionDays);
        flowPolicies = Map.copyOf(flowPolicies);
    }

    static RecordingSettings defaults() {
        return new RecordingSettings(RecordingPolicy.ALL, Map.of(), 0, Map.of(),
                DEFAULT_MIN_FREE_MEGABYTES * 1024 * 1024, Map.of());
    }

    /** The policy of the calls a flow answers: empty when they are recorded from their agent's answer only. */
    Optional<RecordingPolicy> flowPolicyOf(String flow) {
        return Optional.ofNullable(flowPolicies.get(flow));
    }

    RecordingPolicy policyOf(String queue) {
        return policies.getOrDefault(queue, defaultPolicy);
    }

    /** Days to keep the recordings of a queue; empty to keep them for ever. */
    Optional<Integer> retentionDaysOf(String queue) {
        int days = retentionDays.getOrDefault(queue, defaultRetentionDays);
        return days == 0 ? Optional.empty() : Optional.of(days);
    }

    /**
     * Reads the configuration's properties.
     *
     * @throws IllegalArgumentException naming the first key with a bad value, and why
     */
    static RecordingSettings from(Map<String, ?> properties) {
        RecordingPolicy defaultPolicy = RecordingPolicy.ALL;
        int defaultRetention = 0;
        Map<String, RecordingPolicy> policies = new TreeMap<>();
        Map<String, Integer> retention = new TreeMap<>();
        Map<String, RecordingPolicy> flowPolicies = new TreeMap<>();
        long minFreeMegabytes = DEFAULT_MIN_FREE_MEGABYTES;
        for (Map.Entry<String, ?> entry : new TreeMap<>(properties).entrySet()) {
            String key = entry.getKey();
            String value = String.valueOf(entry.getValue()).trim();
            try {
                if (key.startsWith(POLICY_PREFIX)) {
                    String queue = queueOf(key, POLICY_PREFIX);
                    RecordingPolicy policy = RecordingPolicy.parse(value);
                    if (queue.equals(DEFAULT)) {
                        defaultPolicy = policy;
                    } else {
                        policies.put(queue, policy);
                    }
                } else if (key.startsWith(RETENTION_PREFIX)) {
                    String queue = queueOf(key, RETENTION_PREFIX);
                    int days = wholeNumber(value, 0, 100_000);
                    if (queue.equals(DEFAULT)) {
                        defaultRetention = days;
                    } else {
                        retention.put(queue, days);
                    }
                } else if (key.startsWith(FLOW_POLICY_PREFIX)) {
                    flowPolicies.put(queueOf(key, FLOW_POLICY_PREFIX), RecordingPolicy.parse(value));
                } else if (key.equals("minFreeMegabytes")) {
                    minFreeMegabytes = wholeNumber(value, 0, Integer.MAX_VALUE);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " = " + value + ": " + e.getMessage(), e);
            }
        }
        return new RecordingSettings(defaultPolicy, policies, defaultRetention, retention,
                minFreeMegabytes * 1024 * 1024, flowPolicies);
    }

    /** {@code directory}, or {@code recordings} in the server's data folder when it is not set. */
    static Path directoryOf(Map<String, ?> properties) {
        Object configured = properties == null ? null : properties.get("directory");
        if (configured != null && !configured.toString().isBlank()) {
            return Path.of(configured.toString().trim());
        }
        return Path.of(System.getProperty("karaf.data", "data"), "recordings");
    }

    private static String queueOf(String key, String prefix) {
        String queue = key.substring(prefix.length());
        if (queue.isBlank()) {
            throw new IllegalArgumentException("no " + (prefix.equals(FLOW_POLICY_PREFIX) ? "call flow" : "queue")
                    + " named after '" + prefix + "'");
        }
        return queue;
    }

    private static int wholeNumber(String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException("must be " + min + ".." + max);
        }
        return number;
    }

    @Override
    public String toString() {
        return "policy " + defaultPolicy + (policies.isEmpty() ? "" : " " + policies) + ", retention "
                + (defaultRetentionDays == 0 ? "for ever" : defaultRetentionDays + " days")
                + (retentionDays.isEmpty() ? "" : " " + retentionDays) + ", min free "
                + minFreeBytes / 1024 / 1024 + " MB"
                + (flowPolicies.isEmpty() ? "" : ", from the call flow's answer " + flowPolicies);
    }
}
