package org.switchboard.web.internal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.switchboard.api.ivr.CallFlowFiles;
import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.JsonBody;
import org.switchboard.web.internal.http.Router;

/**
 * The administrator's console: queues, agents, pause reasons, call flows, CRM adapter, trunks and users. Every
 * change goes through Config Admin (or the flow folder, or Karaf's user store), so the etc/ files and the console
 * never disagree; every request is checked whole before anything is written.
 */
final class AdminEndpoints {
    private static final String NAME = "[A-Za-z0-9_.-]+";
    private static final String ADDRESS = "[0-9A-Fa-f:.]+(/[0-9]{1,3})?";
    private static final int MAX_FLOW_BYTES = 256 * 1024;

    private final Backends backends;
    private final Audit audit;
    private final Configurations configurations;

    AdminEndpoints(Backends backends, Audit audit, Configurations configurations) {
        this.backends = backends;
        this.audit = audit;
        this.configurations = configurations;
    }

    void addTo(Router router) {
        router.get("/admin/queues/{name}", Access.ADMINS, request -> ApiResponse.ok(
                Configurations.values(queue(request))));
        router.put("/admin/queues/{name}", Access.ADMINS, request -> change(request, queue(request),
                ConfigRules.QUEUE, "queue-configure"));
        router.get("/admin/agents/{id}", Access.ADMINS, request -> ApiResponse.ok(withoutPassword(
                Configurations.values(agent(request)))));
        router.put("/admin/agents/{id}", Access.ADMINS, request -> change(request, agent(request),
                ConfigRules.AGENT, "agent-configure"));
        router.get("/admin/pause-reasons", Access.ADMINS,
                request -> ApiResponse.ok(Map.of("pauseReasons", backends.desk().pauseReasons())));
        router.put("/admin/pause-reasons", Access.ADMINS, this::setPauseReasons);
        router.get("/admin/flows", Access.ADMINS, this::flows);
        router.post("/admin/flows/{name}/check", Access.ADMINS,
                request -> ApiResponse.ok(Map.of("problems", check(flowName(request), flowText(request)))));
        router.get("/admin/flows/{name}", Access.ADMINS, this::getFlow);
        router.put("/admin/flows/{name}", Access.ADMINS, this::putFlow);
        router.get("/admin/crm", Access.ADMINS, request -> {
            Map<String, Object> crm = new LinkedHashMap<>();
            crm.put("adapter", backends.crm().adapterName());
            crm.put("adapters", backends.crm().adapterNames());
            return ApiResponse.ok(crm);
        });
        router.put("/admin/crm", Access.ADMINS, this::setCrm);
        router.get("/admin/trunks", Access.ADMINS, request -> ApiResponse.ok(Map.of("trunkSources",
                Configurations.values(configurations.single(Configurations.SIP)).getOrDefault("trunkSources", ""))));
        router.put("/admin/trunks", Access.ADMINS, this::setTrunks);
        router.get("/admin/users", Access.ADMINS, request -> ApiResponse.ok(backends.userStore().list()));
        router.put("/admin/users/{name}", Access.ADMINS, this::putUser);
    }

    private Configuration queue(ApiRequest request) {
        String name = request.param("name");
        return configurations.factoryConfiguration(Configurations.QUEUE_FACTORY, "name", name)
                .orElseThrow(() -> ApiException.notFound("no queue configuration named '" + name + "'"));
    }

    private Configuration agent(ApiRequest request) {
        String id = request.param("id");
        return configurations.factoryConfiguration(Configurations.AGENT_FACTORY, "id", id)
                .orElseThrow(() -> ApiException.notFound("no agent configuration with id '" + id + "'"));
    }

    private static Map<String, String> withoutPassword(Map<String, String> values) {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.remove("password");
        return shown;
    }

    private ApiResponse change(ApiRequest request, Configuration configuration, ConfigRules rules, String action) {
        Map<String, String> current = Configurations.values(configuration);
        Map<String, String> changes = rules.check(request.json().fieldsAsText(), current);
        Configurations.update(configuration, changes);
        audit.record(request, action, request.path() + " " + withoutPassword(changes).keySet()
                + (changes.containsKey("password") ? " and password" : ""));
        return ApiResponse.ok(withoutPassword(Configurations.values(configuration)));
    }

    private ApiResponse setPauseReasons(ApiRequest request) {
        List<String> reasons = request.json().allowOnly("pauseReasons").textList("pauseReasons");
        if (reasons.isEmpty()) {
            throw ApiException.badField("pauseReasons", "needs at least one reason");
        }
        for (String reason : reasons) {
            if (!reason.matches(NAME)) {
                throw ApiException.badField("pauseReasons", "'" + reason
                        + "' may only use letters, digits, '.', '_' and '-'");
            }
        }
        Configurations.update(configurations.single(Configurations.ACD),
                Map.of("pauseReasons", String.join(", ", reasons)));
        audit.record(request, "pause-reasons-set", String.join(", ", reasons));
        return ApiResponse.ok(Map.of("pauseReasons", reasons));
    }

    private ApiResponse flows(ApiRequest request) {
        CallFlowFiles files = backends.flows();
        List<Map<String, Object>> flows = new ArrayList<>();
        for (CallFlowFiles.LoadedFlow flow : files.flows()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", flow.name());
            view.put("numbers", flow.numbers());
            view.put("file", flow.file());
            flows.add(view);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("directory", files.directory());
        answer.put("flows", flows);
        return ApiResponse.ok(answer);
    }

    private static String flowName(ApiRequest request) {
        String name = request.param("name");
        if (!name.matches(NAME) || name.startsWith(".")) {
            throw ApiException.badField("name", "'" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
        return name;
    }

    private static String flowText(ApiRequest request) {
        if (request.body().isBlank()) {
            throw ApiException.badField("body", "the flow's YAML is required");
        }
        if (request.body().length() > MAX_FLOW_BYTES) {
            throw ApiException.badField("body", "at most " + MAX_FLOW_BYTES + " characters");
        }
        return request.body();
    }

    /** The IVR's own check of the text, as a file of the flow's name in a folder of its own. */
    private List<String> check(String name, String yaml) {
        CallFlowFiles files = backends.flows();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("switchboard-flow-check");
            Path file = Files.writeString(folder.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
            return files.check(file.toAbsolutePath().toString()).stream()
                    .map(problem -> problem.replace(file.toAbsolutePath().toString(), name + ".yaml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check flow " + name, e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private ApiResponse getFlow(ApiRequest request) {
        String name = flowName(request);
        Path file = Path.of(backends.flows().directory()).resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("no flow file " + name + ".yaml");
        }
        try {
            return ApiResponse.text("text/plain; charset=utf-8", Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException(500, "cannot read flow " + name + ": " + e.getMessage());
        }
    }

    private ApiResponse putFlow(ApiRequest request) {
        String name = flowName(request);
        String yaml = flowText(request);
        List<String> problems = check(name, yaml);
        if (!problems.isEmpty()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "the flow has problems; nothing was written");
            answer.put("field", "body");
            answer.put("problems", problems);
            return new ApiResponse(400, answer, null, null, Map.of());
        }
        Path folder = Path.of(backends.flows().directory());
        try {
            Files.createDirectories(folder);
            // written beside, then moved: the IVR never reads half a file
            Path partial = Files.writeString(folder.resolve("." + name + ".yaml.partial"), yaml,
                    StandardCharsets.UTF_8);
            Files.move(partial, folder.resolve(name + ".yaml"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ApiException(500, "cannot write flow " + name + ": " + e.getMessage());
        }
        audit.record(request, "flow-write", name + ".yaml");
        return ApiResponse.ok(Map.of("name", name, "problems", List.of()));
    }

    private ApiResponse setCrm(ApiRequest request) {
        String adapter = request.json().allowOnly("adapter").text("adapter");
        if (!adapter.matches(NAME)) {
            throw ApiException.badField("adapter", "'" + adapter + "' may only use letters, digits, '.', '_' and '-'");
        }
        try {
            backends.crm().useAdapter(adapter);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.record(request, "crm-use", adapter);
        return ApiResponse.ok(Map.of("adapter", adapter, "registered",
                backends.crm().adapterNames().contains(adapter)));
    }

    private ApiResponse setTrunks(ApiRequest request) {
        String sources = request.json().allowOnly("trunkSources").text("trunkSources");
        for (String item : sources.split(",")) {
            String address = item.trim();
            if (!address.isEmpty() && !address.matches(ADDRESS)) {
                throw ApiException.badField("trunkSources", "'" + address + "' is not an address or address/bits");
            }
        }
        Configurations.update(configurations.single(Configurations.SIP), Map.of("trunkSources", sources));
        audit.record(request, "trunks-set", sources);
        return ApiResponse.ok(Map.of("trunkSources", sources));
    }

    private ApiResponse putUser(ApiRequest request) {
        String name = request.param("name");
        if (!name.matches("[A-Za-z0-9_.@-]+")) {
            throw ApiException.badField("name", "'" + name + "' may only use letters, digits, '.', '_', '@', '-'");
        }
        JsonBody body = request.json().allowOnly("password", "roles");
        String password = body.optionalText("password");
        if (password != null && password.length() < 4) {
            throw ApiException.badField("password", "must have at least 4 characters");
        }
        List<Role> roles = new ArrayList<>();
        for (String label : body.textList("roles")) {
            roles.add(Role.fromJaasRole(label).orElseThrow(() -> ApiException.badField("roles", "'" + label
                    + "' is not one of agent, supervisor, admin")));
        }
        backends.userStore().save(name, password, roles);
        audit.record(request, "user-save", name + " roles " + roles.stream().map(Role::label).toList()
                + (password != null ? " and password" : ""));
        return ApiResponse.ok(backends.userStore().list().stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow());
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
