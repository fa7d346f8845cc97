package org.switchboard.web.internal.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.call.CallEvents;
import org.switchboard.api.sip.SipStatistics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's metrics in Prometheus's text format (Micrometer): calls counted from the distributor's events by
 * queue and disposition, the queues' and agents' figures read from the distributor at each scrape, and the JVM.
 */
@Component(service = { SwitchboardMetrics.class, EventHandler.class }, property = {
    EventConstants.EVENT_TOPIC + "=" + CallEvents.CALL_TOPIC_PREFIX + "*" })
public class SwitchboardMetrics implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<QueueFigure> queueFigures = new ArrayList<>();
    private final MultiGauge agentsByState;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AgentDesk desk;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SipStatistics sip;
    private final Set<String> sipCountersRegistered = ConcurrentHashMap.newKeySet();

    public SwitchboardMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        queueGauge("switchboard.queue.waiting", "Calls waiting in the queue", QueueStatus::waiting);
        queueGauge("switchboard.queue.longest.wait.seconds", "How long the oldest waiting call has waited",
                q -> q.longestWait().toMillis() / 1000.0);
        queueGauge("switchboard.queue.agents.logged.in", "Agents logged in to the queue", QueueStatus::agentsLoggedIn);
        queueGauge("switchboard.queue.agents.available", "Agents who may be offered a call now",
                QueueStatus::agentsAvailable);
        queueGauge("switchboard.queue.offered", "Calls offered to the queue today", q -> q.kpis().offered());
        queueGauge("switchboard.queue.answered", "Calls of the queue answered today", q -> q.kpis().answered());
        queueGauge("switchboard.queue.abandoned", "Calls of the queue abandoned today", q -> q.kpis().abandoned());
        queueGauge("switchboard.queue.service.level.ratio", "Answered within the service level / offered, today",
                q -> q.kpis().serviceLevel());
        queueGauge("switchboard.queue.asa.seconds", "Average speed of answer today",
                q -> q.kpis().averageSpeedOfAnswer().toMillis() / 1000.0);
        queueGauge("switchboard.queue.aht.seconds", "Average handling time today",
                q -> q.kpis().averageHandlingTime().toMillis() / 1000.0);
        queueGauge("switchboard.queue.abandon.ratio", "Abandoned / offered, today", q -> q.kpis().abandonRate());
        agentsByState = MultiGauge.builder("switchboard.agents").description("Agents by state").register(registry);
        FunctionCounter.builder("switchboard.sip.connections.silent.closed", this,
                metrics -> metrics.sipCount(SipStatistics::silentConnectionsClosed))
                .description("TCP and TLS connections closed because they sent nothing within tcpFirstByteSeconds")
                .register(registry);
        FunctionCounter.builder("switchboard.calls.media.timeouts", this,
                metrics -> metrics.sipCount(SipStatistics::partiesHungUpForNoMedia))
                .description("Parties of calls hung up because their phone sent no RTP for mediaTimeoutSeconds")
                .register(registry);
    }

    @Deactivate
    void deactivate() {
        gc.close();
        registry.close();
    }

    @Override
    public void handleEvent(Event event) {
        String type = event.getTopic().substring(CallEvents.CALL_TOPIC_PREFIX.length());
        String queue = String.valueOf(event.getProperty(CallEvents.QUEUE));
        switch (type) {
            case "QUEUED" -> counter("switchboard.calls.queued", "Calls that entered a queue (also after an "
                    + "overflow or an unanswered offer)", Tags.of("queue", queue)).increment();
            case "OFFERED" -> counter("switchboard.calls.offered", "Offers of calls to agents",
                    Tags.of("queue", queue)).increment();
            case "ANSWERED" -> counter("switchboard.calls.answered", "Calls answered by an agent",
                    Tags.of("queue", queue)).increment();
            case "ENDED" -> counter("switchboard.calls.ended", "Calls that ended, by disposition",
                    Tags.of("queue", queue, "disposition", String.valueOf(event.getProperty(CallEvents.DISPOSITION))))
                    .increment();
            default -> LOG.debug("call event {} not counted", type);
        }
    }

    /** The Prometheus text of every metric, the distributor's figures read now. */
    public String scrape() {
        AgentDesk current = desk;
        if (current != null) {
            try {
                refresh(current.queues(), current.agents());
            } catch (RuntimeException e) {
                LOG.warn("queue and agent figures not read for the metrics: {}", e.toString());
            }
        }
        SipStatistics edge = sip;
        if (edge != null) {
            registerSipCounters(edge);
        }
        return registry.scrape();
    }

    /** A counter per SIP method received and per status sent, registered when it first appears. */
    private void registerSipCounters(SipStatistics edge) {
        for (String method : edge.requestsReceived().keySet()) {
            if (sipCountersRegistered.add("request " + method)) {
                FunctionCounter.builder("switchboard.sip.requests.received", this,
                        metrics -> metrics.sipCount(s -> s.requestsReceived().get(method)))
                        .description("SIP requests received, by method").tags("method", method).register(registry);
            }
        }
        for (Integer status : edge.responsesSent().keySet()) {
            if (sipCountersRegistered.add("response " + status)) {
                FunctionCounter.builder("switchboard.sip.responses.sent", this,
                        metrics -> metrics.sipCount(s -> s.responsesSent().get(status)))
                        .description("SIP responses sent, by status").tags("status", String.valueOf(status))
                        .register(registry);
            }
        }
    }

    private double sipCount(Function<SipStatistics, Long> count) {
        SipStatistics edge = sip;
        Long value = edge == null ? null : count.apply(edge);
        return value == null ? 0 : value;
    }

    private synchronized void refresh(List<QueueStatus> queues, List<AgentStatus> agents) {
        for (QueueFigure figure : queueFigures) {
            figure.gauge().register(rows(queues, figure.value()), true);
        }
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            counts.put(state, 0);
        }
        agents.forEach(agent -> counts.merge(agent.state(), 1, Integer::sum));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((state, count) -> rows.add(MultiGauge.Row.of(Tags.of("state", state.label()), count)));
        agentsByState.register(rows, true);
    }

    /** One figure of every queue, a gauge with a row per queue (rows of queues that went are removed). */
    private record QueueFigure(MultiGauge gauge, ToDoubleFunction<QueueStatus> value) {
    }

    private void queueGauge(String name, String description, ToDoubleFunction<QueueStatus> value) {
        queueFigures.add(new QueueFigure(MultiGauge.builder(name).description(description).register(registry),
                value));
    }

    private static List<MultiGauge.Row<?>> rows(List<QueueStatus> queues, ToDoubleFunction<QueueStatus> figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (QueueStatus queue : queues) {
            double value = figure.applyAsDouble(queue);
            rows.add(MultiGauge.Row.of(Tags.of("queue", queue.name()), value));
        }
        return rows;
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
