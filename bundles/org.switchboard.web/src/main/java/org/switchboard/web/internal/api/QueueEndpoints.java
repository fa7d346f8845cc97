package org.switchboard.web.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.acd.StrategyInfo;
import org.switchboard.api.acd.WaitingCallView;
import org.switchboard.api.call.CallVariables;
import org.switchboard.web.internal.auth.WebUser;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/** Queues, their waiting callers (the agents' preview), routing strategies. */
final class QueueEndpoints {
    private static final Duration STRATEGY_APPLIED_WITHIN = Duration.ofSeconds(2);

    private final Backends backends;
    private final Audit audit;
    private final Configurations configurations;

    QueueEndpoints(Backends backends, Audit audit, Configurations configurations) {
        this.backends = backends;
        this.audit = audit;
        this.configurations = configurations;
    }

    void addTo(Router router) {
        router.get("/queues", Access.ANY_USER, this::queues);
        router.get("/queues/{name}/waiting", Access.ANY_USER, this::waiting);
        router.put("/queues/{name}/strategy", Access.ADMINS, this::setStrategy);
        router.get("/strategies", Access.SUPERVISORS,
                request -> ApiResponse.ok(backends.desk().strategies().stream().map(Views::strategy).toList()));
    }

    /** The queues the user may see: all for supervisors and admins, an agent's own (logged in or configured). */
    Set<String> visibleQueues(WebUser user) {
        Set<String> names = new LinkedHashSet<>();
        if (user.agentId() != null) {
            backends.desk().agent(user.agentId()).ifPresent(agent -> names.addAll(agent.queues()));
            names.addAll(configurations.configuredQueues(user.agentId()));
        }
        return names;
    }

    private ApiResponse queues(ApiRequest request) {
        List<QueueStatus> queues = backends.desk().queues();
        WebUser user = request.user();
        if (!user.seesEverything()) {
            Set<String> mine = visibleQueues(user);
            queues = queues.stream().filter(q -> mine.contains(q.name())).toList();
        }
        return ApiResponse.ok(queues.stream().map(Views::queue).toList());
    }

    private ApiResponse waiting(ApiRequest request) {
        String name = request.param("name");
        WebUser user = request.user();
        if (!user.seesEverything() && !visibleQueues(user).contains(name)) {
            throw ApiException.forbidden("you may only preview your own queues");
        }
        List<WaitingCallView> calls;
        try {
            calls = backends.desk().waitingCalls(name);
        } catch (AcdException e) {
            throw ApiException.notFound(e.getMessage());
        }
        Instant now = Instant.now();
        return ApiResponse.ok(calls.stream().map(call -> preview(call, now)).toList());
    }

    private static Map<String, Object> preview(WaitingCallView call, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("callId", call.callId());
        view.put("ani", call.ani());
        view.put("dnis", call.dnis());
        view.put("position", call.position());
        view.put("customerName", call.variables().get(CallVariables.CUSTOMER_NAME));
        view.put("reason", reason(call.variables()));
        view.put("priority", call.priority());
        view.put("waitingSeconds", Duration.between(call.arrivedAt(), now).toSeconds());
        view.put("previousAgent", call.previousAgent() != null ? call.previousAgent()
                : call.variables().get(CallVariables.PREVIOUS_AGENT));
        view.put("variables", new TreeMap<>(call.variables()));
        return view;
    }

    /** What the caller chose in the IVR and what the CRM knows, in a line: "menu: billing; region: north". */
    private static String reason(Map<String, String> variables) {
        StringBuilder reason = new StringBuilder();
        new TreeMap<>(variables).forEach((name, value) -> {
            boolean internal = name.startsWith("ivr.") || name.startsWith("crm.customer") || name.equals("crm.notes")
                    || name.startsWith("wrapup.");
            if (!internal && !value.isBlank()) {
                reason.append(reason.isEmpty() ? "" : "; ").append(name).append(": ").append(value);
            }
        });
        return reason.toString();
    }

    private ApiResponse setStrategy(ApiRequest request) {
        String queue = request.param("name");
        String strategy = request.json().allowOnly("strategy").text("strategy");
        if (backends.desk().queue(queue).isEmpty()) {
            throw ApiException.notFound("no queue named '" + queue + "'");
        }
        List<String> installed = backends.desk().strategies().stream().map(StrategyInfo::name).toList();
        if (!installed.contains(strategy)) {
            throw ApiException.badField("strategy", "no strategy '" + strategy + "' is installed; installed: "
                    + installed);
        }
        try {
            backends.desk().setStrategy(queue, strategy);
        } catch (AcdException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.record(request, "strategy-set", queue + " " + strategy);
        return ApiResponse.ok(Views.queue(awaitStrategy(queue, strategy)));
    }

    /** The queue once the distributor has read its changed configuration (it comes through Config Admin). */
    private QueueStatus awaitStrategy(String queue, String strategy) {
        long deadline = System.nanoTime() + STRATEGY_APPLIED_WITHIN.toNanos();
        QueueStatus status = backends.desk().queue(queue).orElseThrow();
        while (!status.strategy().equals(strategy) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = backends.desk().queue(queue).orElseThrow();
        }
        return status;
    }
}
