package org.switchboard.itests;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Set;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.Disposition;

/** Call records are on disk: they survive the database being shut down and booted again. */
public class StoreTest extends SwitchboardTestSupport {

    @Test
    public void callRecordSurvivesARestartOfTheStore() throws Exception {
        agents().logout("1001");
        Set<String> before = callIds();
        sipp.play("caller-abandon.xml", CALLER_PORT + 1, "-s", "4000");
        CallDetailRecord recorded = endedCallSince(before);

        Bundle store = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.switchboard.store".equals(b.getSymbolicName())).findFirst().orElseThrow();
        store.stop();
        store.start();

        CallDetailRecord reread = records().find(recorded.callId()).orElseThrow();
        assertEquals(recorded, reread);
        assertEquals(Disposition.ABANDONED, reread.disposition());
    }
}
