package org.switchboard.sip.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

/**
 * One running JAIN-SIP stack listening on UDP and TCP (and TLS when configured) at the configured address, with
 * its factories. The stack
 * is created directly rather than through {@code javax.sip.SipFactory}, whose process-wide singleton would
 * outlive this bundle.
 */
final class SipEndpoint {
    /**
     * TCP (and TLS) connections the stack reads at most, each with a thread of its own; as many may wait for
     * their first byte in front of it.
     */
    static final int MAX_CONNECTIONS = 1024;

    private final SipSettings settings;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final LongAdder closedSilent;
    final MessageFactory messages = new MessageFactoryImpl();
    final HeaderFactory headers = new HeaderFactoryImpl();
    final AddressFactory addresses = new AddressFactoryImpl();

    private SipEndpoint(SipSettings settings, SipStackImpl stack, SipProvider provider, LongAdder closedSilent) {
        this.settings = settings;
        this.stack = stack;
        this.provider = provider;
        this.closedSilent = closedSilent;
    }

    /**
     * Starts a stack; {@code overrides} are added to (and win over) the stack properties below. The server
     * passes none; unit tests plug in a stack logger that needs no log4j, which Karaf provides. The stack's
     * first-byte gate counts the connections it closes into {@code closedSilent}, which outlives the stack.
     */
    static SipEndpoint start(SipSettings settings, SipListener listener, Properties overrides, LongAdder closedSilent)
            throws SipException {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "switchboard-" + settings.host() + "-" + settings.port());
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        // Bounded resources. Names and meanings checked against jain-sip-ri 1.3.0-91 (SipStackImpl,
        // SIPTransactionStack, UDPMessageProcessor).
        //
        // UDP datagrams are read by one thread into a queue that these threads drain, each running our listener
        // to its end. The listener never blocks (the distributor and the credentials return at once), so a few
        // threads keep up with thousands of messages a second; without the property every message gets a
        // thread of its own.
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        // That queue has no size limit in the RI; it is bounded in time instead: datagrams that waited longer
        // than this (ms; checked every 2 s) are dropped, their senders retransmit. Default 8000.
        properties.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "2000");
        // The socket's receive buffer (bytes), which absorbs a burst until that thread reads it; the kernel caps
        // it at net.core.rmem_max. Default 64 KiB: about 60 INVITEs.
        properties.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "1048576");
        // Largest message, and the size of the buffer each queued UDP datagram holds (so queue memory is
        // datagrams x this). SIP over UDP should stay under 1300 bytes (RFC 3261 18.1.1); 8 KiB leaves room
        // for large SDP. The RI's floor is 4096; unset would mean unlimited over TCP and 64 KiB per datagram.
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "8192");
        // Server transactions in the table at most. Above 80 % of it the stack drops new requests at random,
        // more the fuller it is (its own congestion control; unset means unlimited). At the default limits
        // (50 calls/s, 200 calls) live transactions stay well under 10 000: INVITEs linger 5-32 s after their
        // final answer, BYE/CANCEL/REGISTER 32 s (UDP Timer J). Requests refused by the protection are
        // answered statelessly and never take a place here.
        properties.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "10000");
        // gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS is left unset on purpose: in 1.3.0-91 setting it stops the
        // counting of client transactions (it only counts above the limit), so it bounds nothing, and its
        // wait for room has no timeout. Client transactions are bounded by the calls admitted instead.
        //
        // TCP: each connection is read by its own thread in the RI's blocking transport, so this bounds
        // threads as well as sockets. A connection reaches the stack only once it has sent a byte (see
        // FirstByteGate, tcpFirstByteSeconds): the RI itself would give a silent one its place and thread for ever.
        properties.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(MAX_CONNECTIONS));
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // A TCP peer that started a message must deliver the rest within this (ms) between reads; otherwise
        // a slow sender could hold a connection thread for ever. Unset means no limit.
        properties.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
        // Longest wait (s) of a stack thread for a transaction that our listener still handles (a
        // retransmission arriving meanwhile); then the retransmission gets a 100 and is dropped. Unset means
        // the thread waits for ever, so a stuck listener could take the whole pool.
        properties.setProperty("gov.nist.javax.sip.MAX_LISTENER_RESPONSE_TIME", "5");
        // "None" (the default), spelled out: "Normal" frees a transaction's request once it ends, but a call
        // reads its caller's INVITE from the transaction for its whole life (Call-ID, the final responses), and
        // the RI would re-parse it on every read.
        properties.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "None");
        // Not set: gov.nist.javax.sip.MAX_TX_LIFETIME_INVITE would end the caller's INVITE transaction while
        // the caller waits in a queue, whose maxWaitSeconds has no upper bound; calls are bounded by admission.
        settings.tls().ifPresent(tls -> {
            // The RI reads the key material from the stack's own properties (not the JVM-wide javax.net.ssl
            // system properties), so it goes away with the stack. Phones and trunks are not asked for a
            // certificate of their own: they authenticate with digest or by source address, as over UDP.
            String keyStore = tls.keyStore().toString();
            properties.setProperty("javax.net.ssl.keyStore", keyStore);
            properties.setProperty("javax.net.ssl.keyStorePassword", tls.keyStorePassword());
            properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            properties.setProperty("javax.net.ssl.trustStore", keyStore);
            properties.setProperty("javax.net.ssl.trustStorePassword", tls.keyStorePassword());
            properties.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2,TLSv1.3");
            // The RI's default suites are RSA key exchange, 3DES and anonymous DH: none works with an EC key, and
            // none should be offered today. Forward-secret AEAD suites of TLS 1.3 and 1.2 only.
            properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",",
                    "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
            // a client that connects and never finishes its handshake gives its thread back after this (ms)
            properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
        });
        properties.putAll(overrides);
        UnaryOperator<NetworkLayer> layer = UnaryOperator.identity();
        if (settings.tcpFirstByteSeconds() > 0) {
            Optional<SSLContext> tls = settings.tls().isPresent()
                    ? Optional.of(tlsContext(settings.tls().get()))
                    : Optional.empty();
            layer = stackLayer -> new GatedNetworkLayer(stackLayer, Duration.ofSeconds(settings.tcpFirstByteSeconds()),
                    MAX_CONNECTIONS, tls, closedSilent);
        }
        SipStackImpl stack;
        try {
            stack = new GatedSipStack(properties, layer);
        } catch (PeerUnavailableException e) {
            throw new SipException("cannot create the SIP stack: " + e.getMessage(), e);
        }
        try {
            ListeningPoint udp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            if (settings.tls().isPresent()) {
                provider.addListeningPoint(stack.createListeningPoint(settings.host(), settings.tls().get().port(),
                        ListeningPoint.TLS));
            }
            provider.addSipListener(listener);
            stack.start();
            return new SipEndpoint(settings, stack, provider, closedSilent);
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

    /**
     * The server's TLS context for the listener that lays TLS over connections that have spoken: made as the
     * RI makes its own from the same key store (its client authentication is off).
     */
    private static SSLContext tlsContext(SipSettings.TlsSettings tls) throws SipException {
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, tls.keyStorePassword().toCharArray());
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, tls.keyStorePassword().toCharArray());
            TrustManagerFactory trustManagers = TrustManagerFactory
                    .getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new SipException("cannot use the TLS key store " + tls.keyStore() + ": " + e.getMessage(), e);
        }
    }

    SipProvider provider() {
        return provider;
    }

    SipSettings settings() {
        return settings;
    }

    /** Server transactions the stack holds now (bounded by MAX_SERVER_TRANSACTIONS). */
    int serverTransactions() {
        return stack.getServerTransactionTableSize();
    }

    /** TCP and TLS connections closed because they sent nothing within tcpFirstByteSeconds (all the edge's stacks). */
    long silentConnectionsClosed() {
        return closedSilent.sum();
    }

    void stop() {
        stack.stop();
    }
}
