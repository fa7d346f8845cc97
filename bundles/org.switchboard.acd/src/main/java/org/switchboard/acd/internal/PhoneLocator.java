package org.switchboard.acd.internal;

import java.util.Optional;

import org.switchboard.api.sip.PhoneRegistration;

/** Where an agent's phone is registered now, if it is. */
@FunctionalInterface
interface PhoneLocator {
    Optional<PhoneRegistration> locate(String phone);
}
