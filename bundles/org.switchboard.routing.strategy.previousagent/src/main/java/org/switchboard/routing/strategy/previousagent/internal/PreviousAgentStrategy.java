package org.switchboard.routing.strategy.previousagent.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * One-to-one service: a caller the CRM knows goes back to the agent who served them last (variable
 * {@code crm.previousAgent}, set by the CRM before routing) when that agent is a candidate. When the agent is not
 * available, the call waits for them (an empty decision) until it has waited {@code waitForPreviousAgentSeconds};
 * after that, and for callers without a previous agent, the {@code otherwise} strategy decides, or the agent
 * idle longest when that strategy is not installed.
 * <p>
 * Not inline: the otherwise strategy may be any installed strategy, and it runs within this one's decision, so
 * the distributor's pool keeps a slow one from holding up its decision thread.
 * <p>
 * The distributor decides again on events (a call or agent changing state, a phone registering), not on a
 * clock: a call kept waiting here is decided again at the next such event after its wait is over.
 */
@Component(service = RoutingStrategy.class, configurationPid = PreviousAgentSettings.PID,
        property = RoutingStrategy.NAME_PROPERTY + "=" + PreviousAgentStrategy.NAME)
@Designate(ocd = PreviousAgentStrategy.Config.class)
public class PreviousAgentStrategy implements RoutingStrategy {
    static final String NAME = "previous-agent";
    private static final Logger LOG = LoggerFactory.getLogger(PreviousAgentStrategy.class);

    @ObjectClassDefinition(name = "Switchboard routing strategy previous-agent",
            description = "A caller known to the CRM goes back to the agent who served them last")
    @interface Config {
        @AttributeDefinition(description = "Seconds a known caller waits for the agent who served them last when "
                + "that agent is not available; then the otherwise strategy decides (0 = never wait)",
                min = "0", max = "3600")
        int waitForPreviousAgentSeconds() default 20;

        @AttributeDefinition(description = "Strategy that decides for unknown callers, callers without a previous "
                + "agent, and when the previous agent is not available in time; the agent idle longest when it is "
                + "not installed")
        String otherwise() default "longest-idle";
    }

    private final OtherStrategies others = new OtherStrategies();
    private volatile PreviousAgentSettings settings = PreviousAgentSettings.DEFAULTS;

    @Activate
    void activate(Map<String, Object> properties) {
        configure(properties);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        try {
            settings = PreviousAgentSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} rejected, {}: previous-agent keeps waiting up to {} s, otherwise {}",
                    PreviousAgentSettings.PID, e.getMessage(), settings.waitForPreviousAgent().toSeconds(),
                    settings.otherwise());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(&(" + RoutingStrategy.NAME_PROPERTY + "=*)(!("
                    + RoutingStrategy.NAME_PROPERTY + "=" + NAME + ")))")
    void addStrategy(RoutingStrategy strategy, Map<String, Object> properties) {
        others.add(String.valueOf(properties.get(RoutingStrategy.NAME_PROPERTY)), strategy);
    }

    void removeStrategy(RoutingStrategy strategy) {
        others.remove(strategy);
    }

    PreviousAgentSettings settings() {
        return settings;
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        PreviousAgentSettings current = settings;
        CallSnapshot call = request.call();
        CrmCaller caller = CrmCaller.of(call);
        Optional<String> previous = caller.previousAgent();
        if (previous.isEmpty()) {
            String why = caller.customerId().isEmpty() ? caller.describe()
                    : caller.describe() + " has no previous agent";
            return otherwise(request, current, why);
        }
        String agentId = previous.get();
        for (CandidateAgent candidate : request.candidates()) {
            if (candidate.agentId().equals(agentId)) {
                return RoutingDecision.choose(agentId, caller.describe() + " goes back to " + agentId
                        + ", who served them last");
            }
        }
        long waitFor = current.waitForPreviousAgent().toSeconds();
        if (call.waited().compareTo(current.waitForPreviousAgent()) < 0) {
            return RoutingDecision.ranked(List.of(), caller.describe() + " waits for " + agentId
                    + ", who served them last and is not available (waited " + call.waited().toSeconds() + " of "
                    + waitFor + " s)");
        }
        return otherwise(request, current, caller.describe() + ": " + agentId + ", who served them last, not "
                + "available within " + waitFor + " s");
    }

    private RoutingDecision otherwise(RoutingRequest request, PreviousAgentSettings current, String why) {
        Optional<RoutingStrategy> strategy = others.named(current.otherwise());
        if (strategy.isEmpty()) {
            return withReason(LongestIdleChoice.decide(request), why + "; " + current.otherwise()
                    + " is not installed, longest idle: ");
        }
        RoutingDecision decision;
        try {
            decision = strategy.get().decide(request);
        } catch (RuntimeException e) {
            LOG.warn("call {}: strategy {} threw {}; previous-agent chose the agent idle longest instead",
                    request.call().callId(), current.otherwise(), e.toString());
            return withReason(LongestIdleChoice.decide(request), why + "; " + current.otherwise() + " failed, "
                    + "longest idle: ");
        }
        if (decision == null) {
            return withReason(LongestIdleChoice.decide(request), why + "; " + current.otherwise() + " returned no "
                    + "decision, longest idle: ");
        }
        return withReason(decision, why + "; " + current.otherwise() + ": ");
    }

    private static RoutingDecision withReason(RoutingDecision decision, String prefix) {
        return new RoutingDecision(decision.rankedAgentIds(), prefix + decision.reason(), decision.ringAll());
    }
}
