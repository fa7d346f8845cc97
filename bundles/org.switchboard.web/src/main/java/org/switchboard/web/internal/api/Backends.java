package org.switchboard.web.internal.api;

import java.util.Optional;

import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.ivr.CallFlowFiles;
import org.switchboard.api.sip.CallControl;
import org.switchboard.recording.Recorder;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.web.internal.WebSettings;
import org.switchboard.web.internal.auth.Authenticator;
import org.switchboard.web.internal.auth.KarafUsers;
import org.switchboard.web.internal.auth.SessionRegistry;
import org.switchboard.web.internal.http.ApiException;

/**
 * The services the API works with. Each may come and go while the server runs (a bundle updated, a feature not
 * installed); a request that needs one that is missing gets 503 naming it.
 */
public interface Backends {

    Optional<AgentDesk> agentDesk();

    Optional<CallDistributor> distributor();

    Optional<CallDetailRecordStore> callRecords();

    Optional<CallControl> callControl();

    Optional<CustomerDirectory> customers();

    /** Call recording, when it is installed. */
    Optional<Recorder> recorder();

    Optional<CallFlowFiles> flowFiles();

    Optional<ConfigurationAdmin> configurations();

    Optional<AuditLog> audit();

    Optional<KarafUsers> users();

    Authenticator authenticator();

    SessionRegistry sessions();

    WebSettings settings();

    default AgentDesk desk() {
        return agentDesk().orElseThrow(() -> ApiException.unavailable("the call distributor"));
    }

    default CallDetailRecordStore records() {
        return callRecords().orElseThrow(() -> ApiException.unavailable("the call store"));
    }

    default CallControl control() {
        return callControl().orElseThrow(() -> ApiException.unavailable("call control (the SIP edge)"));
    }

    default CustomerDirectory crm() {
        return customers().orElseThrow(() -> ApiException.unavailable("the CRM"));
    }

    default CallFlowFiles flows() {
        return flowFiles().orElseThrow(() -> ApiException.unavailable("the call flows (IVR)"));
    }

    default ConfigurationAdmin configAdmin() {
        return configurations().orElseThrow(() -> ApiException.unavailable("Config Admin"));
    }

    default KarafUsers userStore() {
        return users().orElseThrow(() -> ApiException.unavailable("Karaf's user store (JAAS backing engine)"));
    }
}
