package org.switchboard.sip.internal;

import java.util.Properties;
import java.util.TooManyListenersException;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TransportNotSupportedException;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

/**
 * One running JAIN-SIP stack listening on UDP and TCP at the configured address, with its factories. The stack
 * is created directly rather than through {@code javax.sip.SipFactory}, whose process-wide singleton would
 * outlive this bundle.
 */
final class SipEndpoint {
    private final SipSettings settings;
    private final SipStackImpl stack;
    private final SipProvider provider;
    final MessageFactory messages = new MessageFactoryImpl();
    final HeaderFactory headers = new HeaderFactoryImpl();
    final AddressFactory addresses = new AddressFactoryImpl();

    private SipEndpoint(SipSettings settings, SipStackImpl stack, SipProvider provider) {
        this.settings = settings;
        this.stack = stack;
        this.provider = provider;
    }

    static SipEndpoint start(SipSettings settings, SipListener listener) throws SipException {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "switchboard-" + settings.host() + "-" + settings.port());
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        properties.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "10000");
        properties.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "1024");
        properties.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "20000");
        properties.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
        SipStackImpl stack;
        try {
            stack = new SipStackImpl(properties);
        } catch (PeerUnavailableException e) {
            throw new SipException("cannot create the SIP stack: " + e.getMessage(), e);
        }
        try {
            ListeningPoint udp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(listener);
            stack.start();
            return new SipEndpoint(settings, stack, provider);
        } catch (TransportNotSupportedException | InvalidArgumentException | ObjectInUseException
                | TooManyListenersException e) {
            stack.stop();
            throw new SipException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        } catch (SipException e) {
            stack.stop();
            throw e;
        }
    }

    SipProvider provider() {
        return provider;
    }

    SipSettings settings() {
        return settings;
    }

    void stop() {
        stack.stop();
    }
}
