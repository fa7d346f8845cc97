package org.switchboard.web.internal.api;

import java.util.Optional;

import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.ivr.CallFlowFiles;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.PhoneRegistry;
import org.switchboard.api.sip.SourceGuard;
import org.switchboard.api.store.DatabaseBackup;
import org.switchboard.recording.Recorder;
import org.switchboard.recording.RecordingStore;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.builtin.BuiltinCrm;
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

    /** The recordings' metadata, from the store with the highest ranking. */
    Optional<RecordingStore> recordingStore();

    /** The built-in CRM's CSV import and export. */
    Optional<BuiltinCrm> builtinCrm();

    Optional<RoutingDecisionLog> routingDecisions();

    Optional<DatabaseBackup> databaseBackup();

    Optional<SourceGuard> sourceGuard();

    Optional<PhoneRegistry> phoneRegistry();

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

    default RecordingStore recordings() {
        return recordingStore().orElseThrow(() -> ApiException.unavailable("the recording store"));
    }

    default BuiltinCrm builtinCrmFiles() {
        return builtinCrm().orElseThrow(() -> ApiException.unavailable("the built-in CRM"));
    }

    default RoutingDecisionLog decisions() {
        return routingDecisions().orElseThrow(() -> ApiException.unavailable("the routing decision log"));
    }

    default DatabaseBackup backup() {
        return databaseBackup().orElseThrow(() -> ApiException.unavailable("the database (backups)"));
    }

    default SourceGuard guard() {
        return sourceGuard().orElseThrow(() -> ApiException.unavailable("the SIP edge's source guard"));
    }

    default PhoneRegistry phones() {
        return phoneRegistry().orElseThrow(() -> ApiException.unavailable("the SIP registrar"));
    }

    default AuditLog auditLog() {
        return audit().orElseThrow(() -> ApiException.unavailable("the audit log"));
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
