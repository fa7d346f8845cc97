package org.switchboard.acd.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.switchboard.api.acd.CallEnricher;
import org.switchboard.api.acd.CallEnrichment;
import org.switchboard.api.acd.InboundCall;

/**
 * The {@link CallEnricher} services registered now. An enricher is called on a thread of its own pool, not on the
 * decision thread, so that one that blocks in {@code enrich} (against its contract) holds up only itself; its
 * answer, whichever thread completes it, is handed to the decision thread.
 */
final class RegisteredEnrichers implements Enrichers {
    private final List<CallEnricher> registered = new CopyOnWriteArrayList<>();
    private final Executor askingThreads;
    private final Executor decisionThread;

    RegisteredEnrichers(Executor askingThreads, Executor decisionThread) {
        this.askingThreads = askingThreads;
        this.decisionThread = decisionThread;
    }

    void add(CallEnricher enricher) {
        registered.add(enricher);
    }

    void remove(CallEnricher enricher) {
        registered.remove(enricher);
    }

    @Override
    public List<String> ask(InboundCall call, Answer answer) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> sameClass = new HashMap<>();
        for (CallEnricher enricher : registered) {
            String className = enricher.getClass().getName();
            int seen = sameClass.merge(className, 1, Integer::sum);
            String name = seen == 1 ? className : className + "#" + seen;
            names.add(name);
            Runnable asking = () -> askOne(enricher, name, call, answer);
            try {
                askingThreads.execute(asking);
            } catch (RejectedExecutionException e) {
                decisionThread.execute(() -> answer.answered(name, null,
                        new RejectedExecutionException("all enricher threads are busy")));
            }
        }
        return names;
    }

    private void askOne(CallEnricher enricher, String name, InboundCall call, Answer answer) {
        CompletionStage<CallEnrichment> stage;
        try {
            stage = enricher.enrich(call);
        } catch (RuntimeException | LinkageError e) {
            decisionThread.execute(() -> answer.answered(name, null, e));
            return;
        }
        if (stage == null) {
            decisionThread.execute(() -> answer.answered(name, null, new NullPointerException("enrich returned null")));
            return;
        }
        stage.whenComplete((enrichment, failure) -> decisionThread.execute(() -> answer.answered(name,
                failure == null && enrichment == null ? CallEnrichment.NONE : enrichment, failure)));
    }
}
