package org.switchboard.web.internal.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallVariables;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.recording.Recorder;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;
import org.switchboard.crm.api.Interaction;
import org.switchboard.web.internal.auth.WebUser;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.JsonBody;
import org.switchboard.web.internal.http.Router;

/** Calls: search and CSV export, one call with its history, the screen pop, call control and the wrap-up. */
final class CallEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(CallEndpoints.class);
    static final String WRAPUP_CODE = "wrapup.code";
    static final String NOTES = "crm.notes";
    private static final int MAX_NOTES = 2000;
    private static final String TARGET = "(agent:[A-Za-z0-9_.-]+|queue:[A-Za-z0-9_.-]+|number:[0-9*#+]{1,32})";

    @FunctionalInterface
    private interface ControlAction {
        void apply(CallControl control, String callId) throws CallControlException;
    }

    private final Backends backends;
    private final Audit audit;

    CallEndpoints(Backends backends, Audit audit) {
        this.backends = backends;
        this.audit = audit;
    }

    void addTo(Router router) {
        router.get("/calls", Access.ANY_USER, this::search);
        router.get("/calls.csv", Access.ANY_USER, this::csv);
        router.get("/calls/{id}", Access.ANY_USER, this::call);
        router.get("/calls/{id}/screen-pop", Access.ANY_USER, this::screenPop);
        router.get("/calls/{id}/why", Access.SUPERVISORS, this::why);
        router.post("/calls/{id}/hangup", Access.ANY_USER, request -> control(request, "call-hangup",
                CallControl::hangUp));
        router.post("/calls/{id}/hold", Access.ANY_USER, request -> control(request, "call-hold", CallControl::hold));
        router.post("/calls/{id}/resume", Access.ANY_USER, request -> control(request, "call-resume",
                CallControl::resume));
        router.post("/calls/{id}/transfer", Access.ANY_USER, this::transfer);
        router.post("/calls/{id}/recording/pause", Access.ANY_USER, request -> recording(request, true));
        router.post("/calls/{id}/recording/resume", Access.ANY_USER, request -> recording(request, false));
        router.post("/calls/{id}/disposition", Access.ANY_USER, this::disposition);
        router.get("/disposition-codes", Access.ANY_USER,
                request -> ApiResponse.ok(backends.settings().dispositionCodes()));
    }

    private ApiResponse search(ApiRequest request) {
        CallDetailRecordStore store = backends.records();
        Instant now = Instant.now();
        return ApiResponse.ok(store.search(CallFilter.from(request)).stream()
                .map(record -> Views.call(record, store.variables(record.callId()), now)).toList());
    }

    private ApiResponse csv(ApiRequest request) {
        CallDetailRecordStore store = backends.records();
        Instant now = Instant.now();
        List<Views.CallView> calls = store.search(CallFilter.from(request)).stream()
                .map(record -> Views.call(record, store.variables(record.callId()), now)).toList();
        return ApiResponse.text("text/csv; charset=utf-8", CallCsv.write(calls))
                .withHeader("Content-Disposition", "attachment; filename=\"calls.csv\"");
    }

    /** The call of the path, when the user may see it: 404 when unknown, 403 for another agent's call. */
    private CallDetailRecord visibleCall(ApiRequest request) {
        String id = request.param("id");
        CallDetailRecord record = backends.records().find(id)
                .orElseThrow(() -> ApiException.notFound("no call '" + id + "'"));
        WebUser user = request.user();
        if (!user.seesEverything() && (record.agentId() == null || !record.agentId().equals(user.agentId()))) {
            throw ApiException.forbidden("you may only see and act on your own calls");
        }
        return record;
    }

    private ApiResponse call(ApiRequest request) {
        CallDetailRecord record = visibleCall(request);
        CallDetailRecordStore store = backends.records();
        return ApiResponse.ok(Views.callDetail(record, store.variables(record.callId()),
                store.history(record.callId()), Instant.now()));
    }

    /** As callcenter:why: the call, every routing decision about it (oldest first) and its state history. */
    private ApiResponse why(ApiRequest request) {
        CallDetailRecord record = visibleCall(request);
        List<Map<String, Object>> decisions = backends.decisions().forCall(record.callId()).stream().map(d -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("decidedAt", Views.time(d.decidedAt()));
            view.put("queue", d.queue());
            view.put("strategy", d.strategy());
            view.put("strategyVersion", d.strategyVersion());
            view.put("chosenAgent", d.chosenAgent());
            view.put("candidates", d.candidates());
            view.put("tookMicros", d.took().toNanos() / 1000);
            view.put("reason", d.reason());
            view.put("fallbackCause", d.fallbackCause());
            return view;
        }).toList();
        CallDetailRecordStore store = backends.records();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("call", Views.callDetail(record, store.variables(record.callId()), store.history(record.callId()),
                Instant.now()));
        answer.put("decisions", decisions);
        return ApiResponse.ok(answer);
    }

    private ApiResponse screenPop(ApiRequest request) {
        CallDetailRecord record = visibleCall(request);
        Map<String, String> variables = backends.records().variables(record.callId());
        Map<String, Object> pop = new LinkedHashMap<>();
        pop.put("callId", record.callId());
        pop.put("ani", record.ani());
        pop.put("dnis", record.dnis());
        pop.put("queue", record.queue());
        pop.put("variables", new TreeMap<>(variables));
        pop.put("customer", backends.customers().flatMap(crm -> crm.lookup(record.ani())).map(CallEndpoints::card)
                .orElse(null));
        return ApiResponse.ok(pop);
    }

    static Map<String, Object> card(CustomerCard card) {
        Customer customer = card.customer();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", customer.id());
        view.put("name", customer.name());
        view.put("vipLevel", customer.vipLevel());
        view.put("region", customer.region());
        view.put("owner", customer.ownerAgent() != null ? customer.ownerAgent() : customer.ownerTeam());
        view.put("phones", customer.phones());
        view.put("contacts", customer.contacts());
        view.put("openTickets", card.openTickets());
        view.put("lastInteractions", card.lastInteractions().stream().map(i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("callId", i.callId());
            item.put("queue", i.queue());
            item.put("agentId", i.agentId());
            item.put("disposition", i.disposition());
            item.put("startedAt", Views.time(i.startedAt()));
            item.put("endedAt", Views.time(i.endedAt()));
            item.put("notes", i.notes());
            return item;
        }).toList());
        view.put("previousAgent", card.lastAgent());
        return view;
    }

    private ApiResponse control(ApiRequest request, String action, ControlAction control) {
        request.json().allowOnly();
        CallDetailRecord record = visibleCall(request);
        try {
            control.apply(backends.control(), record.callId());
        } catch (CallControlException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.record(request, action, record.callId());
        return ApiResponse.accepted(Map.of());
    }

    /** Pauses or resumes the recording of a call (a card number being read out); silence is recorded meanwhile. */
    private ApiResponse recording(ApiRequest request, boolean pause) {
        request.json().allowOnly();
        CallDetailRecord record = visibleCall(request);
        Recorder recorder = backends.recorder().orElseThrow(() -> ApiException.unavailable("call recording"));
        String by = request.user().username();
        boolean done = pause ? recorder.pause(record.callId(), by) : recorder.resume(record.callId(), by);
        if (!done) {
            throw ApiException.conflict("call " + record.callId() + " is not being recorded"
                    + (pause ? " or its recording is paused already" : " or its recording is not paused"));
        }
        audit.record(request, pause ? "recording-pause" : "recording-resume", record.callId());
        return ApiResponse.accepted(Map.of());
    }

    private ApiResponse transfer(ApiRequest request) {
        String target = request.json().allowOnly("target").text("target");
        if (!target.matches(TARGET)) {
            throw ApiException.badField("target", "'" + target
                    + "' is not agent:ID, queue:NAME or number:DIGITS");
        }
        CallDetailRecord record = visibleCall(request);
        try {
            backends.control().transfer(record.callId(), target);
        } catch (CallControlException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.record(request, "call-transfer", record.callId() + " to " + target);
        return ApiResponse.accepted(Map.of());
    }

    /**
     * The agent's wrap-up: a code from the configured list and notes, kept with the call (variables
     * {@value #WRAPUP_CODE} and {@value #NOTES}) and in the CRM's interaction of the call. While the call is in
     * progress the variables go through the distributor, so that the call's end carries them to the CRM.
     */
    private ApiResponse disposition(ApiRequest request) {
        JsonBody body = request.json().allowOnly("code", "notes");
        String code = body.text("code");
        List<String> codes = backends.settings().dispositionCodes();
        if (!codes.contains(code)) {
            throw ApiException.badField("code", "'" + code + "' is not one of " + codes);
        }
        String notes = Optional.ofNullable(body.optionalText("notes")).orElse("");
        if (notes.length() > MAX_NOTES) {
            throw ApiException.badField("notes", "at most " + MAX_NOTES + " characters, was " + notes.length());
        }
        CallDetailRecord record = visibleCall(request);
        WebUser user = request.user();
        if (!user.seesEverything() && record.answeredAt() == null) {
            throw ApiException.conflict("call " + record.callId() + " was not answered: nothing to wrap up");
        }
        Map<String, String> variables = new HashMap<>();
        variables.put(WRAPUP_CODE, code);
        variables.put(NOTES, notes);
        variables.put("wrapup.by", user.username());
        boolean inCrm = false;
        if (record.state() == CallState.ENDED) {
            backends.records().saveVariables(record.callId(), variables);
            inCrm = recordInCrm(record, code, notes);
        } else {
            backends.distributor().orElseThrow(() -> ApiException.unavailable("the call distributor"))
                    .addVariables(record.callId(), variables);
        }
        audit.record(request, "call-disposition", record.callId() + " " + code);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("callId", record.callId());
        answer.put("code", code);
        answer.put("notes", notes);
        answer.put("savedInCrm", record.state() == CallState.ENDED ? inCrm : null);
        return ApiResponse.ok(answer);
    }

    /**
     * Replaces the CRM's interaction of the ended call with one that has the notes (a CRM keeps one per call).
     * The wrap-up is kept with the call whatever the CRM answers; false when it could not take it too.
     */
    private boolean recordInCrm(CallDetailRecord record, String code, String notes) {
        Optional<CrmAdapter> adapter = backends.customers().flatMap(crm -> crm.adapter());
        if (adapter.isEmpty()) {
            return false;
        }
        try {
            Map<String, String> variables = backends.records().variables(record.callId());
            String customerId = variables.get(CallVariables.CUSTOMER_ID);
            if (customerId == null) {
                customerId = adapter.get().findByPhone(record.ani()).map(Customer::id).orElse(null);
            }
            if (customerId == null) {
                return false;
            }
            adapter.get().recordInteraction(new Interaction(record.callId(), customerId, null, record.ani(),
                    record.queue(), record.agentId(), record.disposition().label(), record.arrivedAt(),
                    record.endedAt(), code + (notes.isEmpty() ? "" : ": " + notes), variables.get("recording.id")));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("wrap-up of call {} kept with the call but not in the CRM: {}", record.callId(), e.toString());
            return false;
        }
    }
}
