package org.switchboard.sip.internal;

import java.util.Properties;
import java.util.function.UnaryOperator;

import javax.sip.PeerUnavailableException;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;

/**
 * The JAIN-SIP RI stack with a network layer of ours. The RI's own way to plug one in, the property
 * gov.nist.javax.sip.NETWORK_LAYER, loads a class by name with the RI's class loader (which cannot see this
 * bundle's classes in OSGi), calls its no-argument constructor (so it could get no settings but static ones)
 * and replaces the layer the RI built for TLS. The layer is a protected field of the stack, set in its
 * constructor and read only when a listening point opens its socket, so a subclass can take it over before any
 * socket exists.
 */
final class GatedSipStack extends SipStackImpl {

    /** @param layer makes this stack's network layer from the one the RI made for it */
    GatedSipStack(Properties properties, UnaryOperator<NetworkLayer> layer)
            throws PeerUnavailableException {
        super(properties);
        networkLayer = layer.apply(getNetworkLayer());
    }
}
