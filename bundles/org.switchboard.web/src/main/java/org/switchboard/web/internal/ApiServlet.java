package org.switchboard.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
import org.switchboard.web.internal.api.ApiRoutes;
import org.switchboard.web.internal.api.Backends;
import org.switchboard.web.internal.auth.Authenticator;
import org.switchboard.web.internal.auth.KarafUsers;
import org.switchboard.web.internal.auth.SessionRegistry;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/**
 * The REST API under /api/v1 (OSGi HTTP Whiteboard, Karaf's pax-web). Every service it uses is a dynamic, optional
 * reference: the API stays up while the distributor, the SIP edge or the CRM are updated, and a request that needs
 * a missing one gets 503.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/api/v1/*",
    "osgi.http.whiteboard.servlet.name=switchboard-api" })
public class ApiServlet extends HttpServlet implements Backends {
    private static final long serialVersionUID = 1L;

    private final transient Router router;
    private final transient WebConfiguration configuration;
    private final transient Authenticator authenticator;
    private final transient SessionRegistry sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AgentDesk agentDesk;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CallDistributor distributor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CallDetailRecordStore callRecords;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CallControl callControl;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Recorder recorder;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerDirectory customers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordingStore recordingStore;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BuiltinCrm builtinCrm;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RoutingDecisionLog routingDecisions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DatabaseBackup databaseBackup;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SourceGuard sourceGuard;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PhoneRegistry phoneRegistry;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CallFlowFiles flowFiles;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurations;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KarafUsers users;

    @Activate
    public ApiServlet(@Reference WebConfiguration configuration, @Reference Authenticator authenticator,
            @Reference SessionRegistry sessions) {
        this.configuration = configuration;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.router = ApiRoutes.build(this);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiResponse answer;
        try {
            ApiRequest apiRequest = HttpExchange.read(request, sessions);
            answer = router.dispatch(apiRequest);
        } catch (ApiException problem) {
            answer = ApiResponse.error(problem);
        }
        HttpExchange.write(answer, response);
    }

    @Override
    public Optional<AgentDesk> agentDesk() {
        return Optional.ofNullable(agentDesk);
    }

    @Override
    public Optional<CallDistributor> distributor() {
        return Optional.ofNullable(distributor);
    }

    @Override
    public Optional<CallDetailRecordStore> callRecords() {
        return Optional.ofNullable(callRecords);
    }

    @Override
    public Optional<CallControl> callControl() {
        return Optional.ofNullable(callControl);
    }

    @Override
    public Optional<Recorder> recorder() {
        return Optional.ofNullable(recorder);
    }

    @Override
    public Optional<CustomerDirectory> customers() {
        return Optional.ofNullable(customers);
    }

    @Override
    public Optional<RecordingStore> recordingStore() {
        return Optional.ofNullable(recordingStore);
    }

    @Override
    public Optional<BuiltinCrm> builtinCrm() {
        return Optional.ofNullable(builtinCrm);
    }

    @Override
    public Optional<RoutingDecisionLog> routingDecisions() {
        return Optional.ofNullable(routingDecisions);
    }

    @Override
    public Optional<DatabaseBackup> databaseBackup() {
        return Optional.ofNullable(databaseBackup);
    }

    @Override
    public Optional<SourceGuard> sourceGuard() {
        return Optional.ofNullable(sourceGuard);
    }

    @Override
    public Optional<PhoneRegistry> phoneRegistry() {
        return Optional.ofNullable(phoneRegistry);
    }

    @Override
    public Optional<CallFlowFiles> flowFiles() {
        return Optional.ofNullable(flowFiles);
    }

    @Override
    public Optional<ConfigurationAdmin> configurations() {
        return Optional.ofNullable(configurations);
    }

    @Override
    public Optional<AuditLog> audit() {
        return Optional.ofNullable(audit);
    }

    @Override
    public Optional<KarafUsers> users() {
        return Optional.ofNullable(users);
    }

    @Override
    public Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public SessionRegistry sessions() {
        return sessions;
    }

    @Override
    public WebSettings settings() {
        return configuration.current();
    }
}
