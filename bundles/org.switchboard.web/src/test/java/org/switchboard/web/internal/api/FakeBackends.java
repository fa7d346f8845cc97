package org.switchboard.web.internal.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.builtin.BuiltinCrm;
import org.switchboard.web.internal.WebSettings;
import org.switchboard.web.internal.auth.Authenticator;
import org.switchboard.web.internal.auth.KarafUsers;
import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.auth.SessionRegistry;
import org.switchboard.web.internal.auth.WebUser;
import org.switchboard.recording.Recorder;
import org.switchboard.recording.RecordingStore;

/**
 * The API's backends for tests: users with passwords and roles in memory, real sessions, and no call-center
 * services (requests that need one get 503, as when they are not running) but those a test plugs in.
 */
public final class FakeBackends implements Backends {

    /** A user of the fake realm. */
    public record Account(String password, Set<Role> roles) {
    }

    private final Map<String, Account> accounts;
    private final SessionRegistry sessions = new SessionRegistry(Clock.systemUTC(), () -> Duration.ofMinutes(30));
    private AuditLog auditLog;
    private SourceGuard sourceGuard;
    private DatabaseBackup databaseBackup;
    private CustomerDirectory customers;
    private CallControl callControl;
    private CallDetailRecordStore callRecords;

    public FakeBackends(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    public static FakeBackends withDemoUsers() {
        return new FakeBackends(Map.of(
                "1001", new Account("agent1001", Set.of(Role.AGENT)),
                "1002", new Account("agent1002", Set.of(Role.AGENT)),
                "supervisor", new Account("supervisor", Set.of(Role.SUPERVISOR)),
                "karaf", new Account("karaf", Set.of(Role.ADMIN))));
    }

    public FakeBackends withAuditLog(AuditLog log) {
        this.auditLog = log;
        return this;
    }

    public FakeBackends withSourceGuard(SourceGuard guard) {
        this.sourceGuard = guard;
        return this;
    }

    public FakeBackends withDatabaseBackup(DatabaseBackup backup) {
        this.databaseBackup = backup;
        return this;
    }

    public FakeBackends withCustomers(CustomerDirectory directory) {
        this.customers = directory;
        return this;
    }

    public FakeBackends withCallControl(CallControl control) {
        this.callControl = control;
        return this;
    }

    public FakeBackends withCallRecords(CallDetailRecordStore records) {
        this.callRecords = records;
        return this;
    }

    @Override
    public Authenticator authenticator() {
        return (username, password) -> Optional.ofNullable(accounts.get(username))
                .filter(account -> Arrays.equals(account.password().toCharArray(), password))
                .map(account -> new WebUser(username, account.roles()));
    }

    @Override
    public SessionRegistry sessions() {
        return sessions;
    }

    @Override
    public WebSettings settings() {
        return WebSettings.DEFAULTS;
    }

    @Override
    public Optional<AgentDesk> agentDesk() {
        return Optional.empty();
    }

    @Override
    public Optional<CallDistributor> distributor() {
        return Optional.empty();
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
        return Optional.empty();
    }

    @Override
    public Optional<CustomerDirectory> customers() {
        return Optional.ofNullable(customers);
    }

    @Override
    public Optional<RecordingStore> recordingStore() {
        return Optional.empty();
    }

    @Override
    public Optional<BuiltinCrm> builtinCrm() {
        return Optional.empty();
    }

    @Override
    public Optional<RoutingDecisionLog> routingDecisions() {
        return Optional.empty();
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
        return Optional.empty();
    }

    @Override
    public Optional<CallFlowFiles> flowFiles() {
        return Optional.empty();
    }

    @Override
    public Optional<ConfigurationAdmin> configurations() {
        return Optional.empty();
    }

    @Override
    public Optional<AuditLog> audit() {
        return Optional.ofNullable(auditLog);
    }

    @Override
    public Optional<KarafUsers> users() {
        return Optional.empty();
    }
}
