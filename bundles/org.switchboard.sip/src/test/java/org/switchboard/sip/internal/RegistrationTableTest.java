package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;
import org.switchboard.api.sip.PhoneRegistration;

public class RegistrationTableTest {
    private Instant now = Instant.parse("2026-11-26T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    @Test
    public void registrationIsFoundUntilItExpires() {
        RegistrationTable table = new RegistrationTable(clock);
        table.bind(new PhoneRegistration("1001", "sip:1001@127.0.0.1:5091", now.plusSeconds(60)));
        assertEquals("sip:1001@127.0.0.1:5091", table.find("1001").orElseThrow().contact());

        now = now.plusSeconds(60);
        assertTrue(table.find("1001").isEmpty());
        assertEquals(List.of(), table.all());
    }

    @Test
    public void latestRegisterWinsAndUnbindRemoves() {
        RegistrationTable table = new RegistrationTable(clock);
        table.bind(new PhoneRegistration("1001", "sip:1001@127.0.0.1:5091", now.plusSeconds(60)));
        table.bind(new PhoneRegistration("1001", "sip:1001@127.0.0.1:5092", now.plusSeconds(60)));
        assertEquals("sip:1001@127.0.0.1:5092", table.find("1001").orElseThrow().contact());
        assertTrue(table.unbind("1001"));
        assertTrue(table.find("1001").isEmpty());
    }
}
