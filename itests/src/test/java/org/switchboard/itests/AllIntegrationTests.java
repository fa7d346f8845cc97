package org.switchboard.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * All integration test classes in one JUnit run, so that Pax Exam's PerSuite strategy boots the distribution
 * once for all of them. Surefire runs only this class. {@link NothingLeftBehindTest} stays last: it checks what the
 * others left on the server.
 */
@RunWith(Suite.class)
@SuiteClasses({ DistributionTest.class, RegistrarTest.class, SipCallTest.class, ConfigurationTest.class,
    RoutingTest.class, SwapUnderLoadTest.class, SipProtectionTest.class, SipTortureTest.class, SipFuzzTest.class,
    SipTcpLimitsTest.class, StoreTest.class, CallFlowTest.class, CrmRoutingTest.class,
    SipTlsTest.class, CallControlTest.class, WebApiTest.class, RecordingTest.class, SupervisionTest.class,
    MediaTimeoutTest.class, NothingLeftBehindTest.class })
public class AllIntegrationTests {
}
