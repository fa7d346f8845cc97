package org.switchboard.web.internal.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
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
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.call.CallEvents;
import org.switchboard.web.internal.api.QueueViews;
import org.switchboard.web.internal.auth.SessionRegistry;
import org.switchboard.web.internal.auth.WebUser;
import org.switchboard.web.internal.http.Json;

/**
 * The live events of the console: the distributor's call and agent events as they come (Event Admin's thread
 * only queues them), the queues' figures every {@value #QUEUES_EVERY_SECONDS} s while something changed, and a
 * keep-alive comment every {@value #KEEP_ALIVE_SECONDS} s, which also closes the streams of expired sessions.
 */
@Component(service = { LiveEvents.class, EventHandler.class }, property = {
    EventConstants.EVENT_TOPIC + "=" + CallEvents.CALL_TOPIC_PREFIX + "*",
    EventConstants.EVENT_TOPIC + "=" + CallEvents.AGENT_STATE })
public class LiveEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    static final int QUEUES_EVERY_SECONDS = 2;
    static final int KEEP_ALIVE_SECONDS = 15;
    private static final int WRITER_THREADS = 8;

    private final SessionRegistry sessions;
    private final ThreadPoolExecutor writers;
    private final ScheduledExecutorService ticks;
    private final EventFanOut fanOut;
    private final AtomicBoolean changed = new AtomicBoolean(true);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AgentDesk desk;

    @Activate
    public LiveEvents(@Reference SessionRegistry sessions) {
        this.sessions = sessions;
        AtomicInteger number = new AtomicInteger();
        // at most one write task per stream is pending, so the task queue is bounded by the number of streams; a
        // writer blocked by a client that does not read holds its thread until the client is dropped
        writers = new ThreadPoolExecutor(WRITER_THREADS, WRITER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "switchboard-web-events-" + number.incrementAndGet()));
        writers.allowCoreThreadTimeOut(true);
        fanOut = new EventFanOut(writers);
        ticks = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "switchboard-web-events-ticks"));
        ticks.scheduleWithFixedDelay(this::queuesIfChanged, QUEUES_EVERY_SECONDS, QUEUES_EVERY_SECONDS,
                TimeUnit.SECONDS);
        ticks.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        ticks.shutdownNow();
        fanOut.closeAll();
        writers.shutdownNow();
    }

    public EventFanOut fanOut() {
        return fanOut;
    }

    @Override
    public void handleEvent(Event event) {
        changed.set(true);
        if (fanOut.size() > 0) {
            CallEventFrames.of(event).ifPresent(fanOut::publish);
        }
    }

    private void queuesIfChanged() {
        try {
            AgentDesk current = desk;
            if (current == null || fanOut.size() == 0 || !changed.getAndSet(false)) {
                return;
            }
            List<QueueStatus> queues = current.queues();
            Map<String, Set<String>> queuesOfAgent = new HashMap<>();
            for (AgentStatus agent : current.agents()) {
                queuesOfAgent.put(agent.agentId(), Set.copyOf(agent.queues()));
            }
            String all = LiveEvent.frame("queues", Json.write(queues.stream()
                    .map(QueueViews::of).toList()));
            fanOut.publish(user -> frameFor(user, all, queues, queuesOfAgent));
        } catch (RuntimeException e) {
            LOG.warn("queue figures for the live events could not be read: {}", e.toString());
        }
    }

    private static Optional<String> frameFor(WebUser user, String all, List<QueueStatus> queues,
            Map<String, Set<String>> queuesOfAgent) {
        if (user.seesEverything()) {
            return Optional.of(all);
        }
        Set<String> mine = queuesOfAgent.getOrDefault(user.agentId(), Set.of());
        return Optional.of(LiveEvent.frame("queues", Json.write(queues.stream().filter(q -> mine.contains(q.name()))
                .map(QueueViews::of).toList())));
    }

    private void keepAlive() {
        for (EventFanOut.Subscription subscription : fanOut.subscriptions()) {
            if (!sessions.isLive(subscription.sessionId())) {
                fanOut.unsubscribe(subscription);
            }
        }
        fanOut.publishToAll(": keep-alive\n\n");
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
