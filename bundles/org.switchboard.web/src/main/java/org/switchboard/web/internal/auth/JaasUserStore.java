package org.switchboard.web.internal.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.web.internal.http.ApiException;

/**
 * Karaf's realm "karaf" through its backing engine, as the jaas:* shell commands reach it: the realm's first login
 * module that has a backing engine (the properties module of etc/users.properties by default).
 */
@Component(service = KarafUsers.class)
public class JaasUserStore implements KarafUsers {

    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> engines = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRealm(JaasRealm realm) {
        realms.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEngineFactory(BackingEngineFactory factory) {
        engines.add(factory);
    }

    void removeEngineFactory(BackingEngineFactory factory) {
        engines.remove(factory);
    }

    @Override
    public List<User> list() {
        BackingEngine engine = engine();
        List<User> users = new ArrayList<>();
        for (UserPrincipal user : engine.listUsers()) {
            users.add(new User(user.getName(), engine.listRoles(user).stream().map(RolePrincipal::getName)
                    .distinct().sorted().toList()));
        }
        users.sort(Comparator.comparing(User::name));
        return users;
    }

    @Override
    public void save(String name, String password, List<Role> roles) {
        BackingEngine engine = engine();
        UserPrincipal existing = engine.lookupUser(name);
        if (existing == null && password == null) {
            throw ApiException.badField("password", "is required for a new user");
        }
        if (password != null) {
            engine.addUser(name, password);
        }
        UserPrincipal user = engine.lookupUser(name);
        Set<String> wanted = roles.stream().map(Role::label).collect(Collectors.toSet());
        List<String> direct = engine.listRoles(user).stream().map(RolePrincipal::getName).toList();
        for (Role role : Role.values()) {
            boolean has = direct.contains(role.label());
            if (wanted.contains(role.label()) && !has) {
                engine.addRole(name, role.label());
            } else if (!wanted.contains(role.label()) && has) {
                engine.deleteRole(name, role.label());
            }
        }
    }

    private BackingEngine engine() {
        JaasRealm realm = realms.stream().filter(r -> JaasAuthenticator.REALM.equals(r.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank))
                .orElseThrow(() -> ApiException.unavailable("the JAAS realm 'karaf'"));
        for (AppConfigurationEntry entry : realm.getEntries()) {
            Map<String, ?> options = entry.getOptions();
            Object module = options.get(ProxyLoginModule.PROPERTY_MODULE);
            String moduleClass = module == null ? entry.getLoginModuleName() : module.toString();
            for (BackingEngineFactory factory : engines) {
                if (factory.getModuleClass().equals(moduleClass)) {
                    return factory.build(options);
                }
            }
        }
        throw ApiException.unavailable("a user store of the realm 'karaf' that can be changed");
    }
}
