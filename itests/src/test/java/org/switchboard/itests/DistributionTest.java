package org.switchboard.itests;

import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** The distribution boots with every Switchboard part installed and running, and the shell commands work. */
public class DistributionTest extends SwitchboardTestSupport {

    @Test
    public void switchboardFeaturesAreInstalled() throws Exception {
        FeaturesService features = service(FeaturesService.class);
        for (String feature : List.of("switchboard", "switchboard-api", "switchboard-store", "switchboard-acd",
                "switchboard-sip", "switchboard-shell")) {
            assertTrue(feature + " installed", features.isInstalled(features.getFeature(feature)));
        }
    }

    /**
     * The first tests of the suite may run while Karaf still starts the last boot features' bundles: they wait
     * (a bounded time) for the shell to be there rather than fail on a container that is still coming up.
     */
    @Before
    public void shellStarted() throws InterruptedException {
        awaitCondition("the callcenter commands", () -> bundle("org.switchboard.shell").getState() == Bundle.ACTIVE);
    }

    @Test
    public void everySwitchboardBundleAndItsThirdPartyBundlesAreActive() throws InterruptedException {
        List<String> expected = List.of("org.switchboard.api", "org.switchboard.store", "org.switchboard.acd",
                "org.switchboard.sip", "org.switchboard.shell", "org.switchboard.media", "org.switchboard.ivr",
                "org.switchboard.crm", "org.switchboard.crm.builtin", "org.switchboard.recording",
                "org.switchboard.web", "org.switchboard.web.console", "javax.sip.jain-sip-ri", "derby",
                "org.liquibase.core");
        for (String name : expected) {
            Bundle bundle = Arrays.stream(bundleContext.getBundles()).filter(b -> name.equals(b.getSymbolicName()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not installed"));
            awaitCondition(name + " active (state " + bundle.getState() + ")",
                    () -> bundle.getState() == Bundle.ACTIVE);
        }
    }

    @Test
    public void queuesCommandShowsTheDemoQueueFromEtc() throws Exception {
        String output = execute("callcenter:queues");
        assertTrue(output, output.contains("support"));
        assertTrue(output, output.contains("4000"));
    }

    @Test
    public void agentsCommandListsTheDemoAgentsAndLoginChangesTheirState() throws Exception {
        execute("callcenter:agent-logout 1003");
        String login = execute("callcenter:agent-login 1003 support");
        assertTrue(login, login.contains("Agent 1003 is available in support"));
        String agents = execute("callcenter:agents");
        assertTrue(agents, agents.contains("Carla Diaz"));
        assertTrue(agents, agents.lines().anyMatch(l -> l.startsWith("1003") && l.contains("available")));
        String logout = execute("callcenter:agent-logout 1003");
        assertTrue(logout, logout.contains("Agent 1003 is logged out"));
    }

    @Test
    public void loginToAQueueThatDoesNotExistIsRefusedWithTheReason() throws Exception {
        try {
            execute("callcenter:agent-login 1003 nosuchqueue");
            throw new AssertionError("login to an unknown queue was accepted");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no queue named 'nosuchqueue'"));
        }
    }
}
