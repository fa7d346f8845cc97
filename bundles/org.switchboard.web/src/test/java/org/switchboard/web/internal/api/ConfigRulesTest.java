package org.switchboard.web.internal.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;

import org.junit.Test;
import org.switchboard.web.internal.http.ApiException;

public class ConfigRulesTest {
    private static final Map<String, String> SUPPORT = Map.of("name", "support", "numbers", "4000");

    @Test
    public void goodChangesPassTrimmed() {
        assertEquals(Map.of("maxWaitSeconds", "90", "requiredSkills", "billing:3, english"),
                ConfigRules.QUEUE.check(Map.of("maxWaitSeconds", " 90", "requiredSkills", "billing:3, english"),
                        SUPPORT));
    }

    @Test
    public void eachBadValueIsNamedByItsKey() {
        assertBad("maxWaitSeconds", Map.of("maxWaitSeconds", "soon"));
        assertBad("ringTimeoutSeconds", Map.of("ringTimeoutSeconds", "0"));
        assertBad("numbers", Map.of("numbers", "4000, four"));
        assertBad("numbers", Map.of("numbers", " , "));
        assertBad("requiredSkills", Map.of("requiredSkills", "billing:11"));
        assertBad("requiredSkills", Map.of("requiredSkills", "billing:3, billing:4"));
        assertBad("strategy", Map.of("strategy", "round robin"));
        assertBad("overflowQueue", Map.of("overflowQueue", "support"));
        assertBad("colour", Map.of("colour", "blue"));
        assertBad("name", Map.of("name", "help"));
    }

    @Test
    public void anAgentsPasswordAndPhoneFollowTheDistributorsRules() {
        Map<String, String> alice = Map.of("id", "1001", "name", "Alice");
        assertBad("password", ConfigRules.AGENT, Map.of("password", "abc"), alice);
        assertBad("phone", ConfigRules.AGENT, Map.of("phone", "10 01"), alice);
        assertBad("queues", ConfigRules.AGENT, Map.of("queues", "support:100"), alice);
        assertEquals(Map.of("skills", "english:9"), ConfigRules.AGENT.check(Map.of("skills", "english:9"), alice));
    }

    private static void assertBad(String key, Map<String, String> changes) {
        assertBad(key, ConfigRules.QUEUE, changes, SUPPORT);
    }

    private static void assertBad(String key, ConfigRules rules, Map<String, String> changes,
            Map<String, String> current) {
        ApiException problem = assertThrows(ApiException.class, () -> rules.check(changes, current));
        assertEquals(400, problem.status());
        assertEquals(key, problem.field());
    }
}
