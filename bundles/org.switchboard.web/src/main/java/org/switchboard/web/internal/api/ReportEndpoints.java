package org.switchboard.web.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallQuery;
import org.switchboard.api.call.Disposition;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.api.TicketQuery;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/**
 * Reports of a day (UTC) from the call records, and the CRM's lists. Days and hours are in UTC, as every time of
 * the API.
 */
final class ReportEndpoints {
    private static final int MAX_CALLS_PER_DAY = 1_000_000;
    private static final int CRM_LIST_LIMIT = 500;
    private static final Duration DEFAULT_SERVICE_LEVEL = Duration.ofSeconds(20);

    private final Backends backends;

    ReportEndpoints(Backends backends) {
        this.backends = backends;
    }

    void addTo(Router router) {
        router.get("/reports/hourly", Access.SUPERVISORS, this::hourly);
        router.get("/reports/agents", Access.SUPERVISORS, this::agents);
        router.get("/crm/tickets", Access.SUPERVISORS, request -> {
            boolean overdue = "true".equals(request.queryParam("overdue"));
            boolean open = overdue || !"false".equals(request.queryParam("open"));
            return ApiResponse.ok(adapter().tickets(new TicketQuery(request.queryParam("customer"), open, overdue,
                    CRM_LIST_LIMIT)));
        });
        router.get("/crm/leads", Access.SUPERVISORS, request -> ApiResponse.ok(adapter().leads(leadStatus(request),
                CRM_LIST_LIMIT)));
        router.get("/crm/customers", Access.SUPERVISORS, request -> {
            String search = request.queryParam("search");
            return ApiResponse.ok(adapter().search(search == null ? "" : search, CRM_LIST_LIMIT));
        });
    }

    private CrmAdapter adapter() {
        return backends.crm().adapter().orElseThrow(() -> ApiException.unavailable("the CRM adapter in use"));
    }

    private static LeadStatus leadStatus(ApiRequest request) {
        String status = request.queryParam("status");
        if (status == null) {
            return null;
        }
        try {
            return LeadStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("status", "'" + status + "' is not one of "
                    + Arrays.toString(LeadStatus.values()));
        }
    }

    private static LocalDate day(ApiRequest request) {
        String text = request.queryParam("date");
        if (text == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("date", "'" + text + "' is not a day like 2024-03-10");
        }
    }

    private List<CallDetailRecord> callsOf(LocalDate day, String queue, String agent) {
        return backends.records().search(new CallQuery(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), queue, agent, null, null,
                MAX_CALLS_PER_DAY));
    }

    /** Per hour: calls that arrived, were answered, abandoned, and the share answered within the service level. */
    private ApiResponse hourly(ApiRequest request) {
        LocalDate day = day(request);
        String queue = request.queryParam("queue");
        Map<String, Duration> serviceLevels = new LinkedHashMap<>();
        backends.agentDesk().ifPresent(desk -> desk.queues()
                .forEach(q -> serviceLevels.put(q.name(), q.serviceLevel())));
        if (queue != null && backends.agentDesk().isPresent() && !serviceLevels.containsKey(queue)) {
            throw ApiException.badField("queue", "no queue named '" + queue + "'");
        }
        long[] offered = new long[24];
        long[] answered = new long[24];
        long[] abandoned = new long[24];
        long[] withinLevel = new long[24];
        for (CallDetailRecord call : callsOf(day, queue, null)) {
            int hour = call.arrivedAt().atZone(ZoneOffset.UTC).getHour();
            offered[hour]++;
            if (call.answeredAt() != null) {
                answered[hour]++;
                Duration level = serviceLevels.getOrDefault(call.queue(), DEFAULT_SERVICE_LEVEL);
                if (Duration.between(call.arrivedAt(), call.answeredAt()).compareTo(level) <= 0) {
                    withinLevel[hour]++;
                }
            }
            if (call.disposition() == Disposition.ABANDONED) {
                abandoned[hour]++;
            }
        }
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("hour", hour);
            row.put("offered", offered[hour]);
            row.put("answered", answered[hour]);
            row.put("abandoned", abandoned[hour]);
            row.put("serviceLevelPercent", offered[hour] == 0 ? 100.0
                    : Views.percent((double) withinLevel[hour] / offered[hour]));
            hours.add(row);
        }
        return ApiResponse.ok(hours);
    }

    /**
     * Per agent: calls answered and talk time that day; occupancy only for today (the distributor's own figure,
     * which it keeps since midnight), else {@code null}.
     */
    private ApiResponse agents(ApiRequest request) {
        LocalDate day = day(request);
        boolean today = day.equals(LocalDate.now(ZoneOffset.UTC));
        Map<String, long[]> work = new LinkedHashMap<>();
        for (CallDetailRecord call : callsOf(day, null, null)) {
            if (call.agentId() != null && call.answeredAt() != null) {
                long[] figures = work.computeIfAbsent(call.agentId(), id -> new long[2]);
                figures[0]++;
                figures[1] += call.talkSeconds(call.endedAt() != null ? call.endedAt() : Instant.now());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<AgentStatus> agents = backends.agentDesk().map(desk -> desk.agents()).orElse(List.of());
        for (AgentStatus agent : agents) {
            rows.add(row(agent.agentId(), agent.name(), work.remove(agent.agentId()),
                    today ? Views.percent(agent.kpis().occupancy()) : null));
        }
        work.forEach((agentId, figures) -> rows.add(row(agentId, agentId, figures, null)));
        return ApiResponse.ok(rows);
    }

    private static Map<String, Object> row(String agentId, String name, long[] figures, Double occupancy) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agentId", agentId);
        row.put("name", name);
        row.put("callsAnswered", figures == null ? 0 : figures[0]);
        row.put("talkSeconds", figures == null ? 0 : figures[1]);
        row.put("occupancyPercent", occupancy);
        return row;
    }
}
