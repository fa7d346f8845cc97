package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Phones register with digest authentication against the agents' passwords in etc/. */
public class RegistrarTest extends SwitchboardTestSupport {

    @Test
    public void phoneWithTheRightPasswordIsRegisteredAndListed() throws Exception {
        registerPhone("1002", AGENT_1002_PORT);

        assertEquals("sip:1002@127.0.0.1:" + AGENT_1002_PORT + ";transport=UDP",
                phones().find("1002").orElseThrow().contact());
        String listed = execute("callcenter:phones");
        assertTrue(listed, listed.lines().anyMatch(l -> l.startsWith("1002") && l.contains(":" + AGENT_1002_PORT)));
    }

    @Test
    public void phoneWithAWrongPasswordGets403AndIsNotRegistered() throws Exception {
        sipp.play("register-bad-password.xml", 15093, "-s", "1003", "-au", "1003", "-ap", "not-the-password");

        assertTrue(phones().find("1003").isEmpty());
    }

    @Test
    public void unknownUserGetsTheSame403AsAWrongPassword() throws Exception {
        sipp.play("register-bad-password.xml", 15094, "-s", "7777", "-au", "7777", "-ap", "whatever");

        assertTrue(phones().find("7777").isEmpty());
    }
}
