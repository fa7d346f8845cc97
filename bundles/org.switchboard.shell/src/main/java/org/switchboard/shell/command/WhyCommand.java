package org.switchboard.shell.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.shell.command.completers.CallIdCompleter;

@Command(scope = "callcenter", name = "why", description = "Explains a call: its record, every routing decision and its state history")
@Service
public class WhyCommand implements Action {

    @Argument(index = 0, name = "call", description = "Call id", required = true)
    @Completion(CallIdCompleter.class)
    String callId;

    @Reference
    CallDetailRecordStore records;

    @Reference
    RoutingDecisionLog decisions;

    @Override
    public Object execute() {
        CallDetailRecord call = records.find(callId)
                .orElseThrow(() -> new IllegalArgumentException("no call with id '" + callId + "'"));
        String outcome = call.disposition() == null ? call.state().name().toLowerCase(Locale.ROOT)
                : call.disposition().label();
        System.out.println("Call " + call.callId() + ": ANI " + call.ani() + ", DNIS " + call.dnis() + ", queue "
                + call.queue() + ", agent " + (call.agentId() == null ? "none" : call.agentId()) + ", " + outcome);

        System.out.println();
        List<RoutingDecisionRecord> routing = decisions.forCall(callId);
        if (routing.isEmpty()) {
            System.out.println("Routing decisions: none");
        } else {
            System.out.println("Routing decisions:");
            ShellTable table = new ShellTable();
            table.column("Time");
            table.column("Queue");
            table.column("Strategy");
            table.column("Chosen");
            table.column("Candidates").alignRight();
            table.column("Took \u00b5s").alignRight();
            table.column("Reason");
            table.column("Fallback cause");
            for (RoutingDecisionRecord decision : routing) {
                table.addRow().addContent(Times.format(decision.decidedAt()), decision.queue(),
                        decision.strategy() + " " + decision.strategyVersion(),
                        decision.chosenAgent() == null ? "none" : decision.chosenAgent(), decision.candidates(),
                        decision.took().toNanos() / 1000, decision.reason(),
                        decision.fallbackCause() == null ? "" : decision.fallbackCause());
            }
            table.print(System.out);
        }

        System.out.println();
        System.out.println("State history:");
        ShellTable history = new ShellTable();
        history.column("Time");
        history.column("State");
        history.column("Detail");
        for (CallStateChange change : records.history(callId)) {
            history.addRow().addContent(Times.format(change.at()), change.state().name().toLowerCase(Locale.ROOT),
                    change.detail());
        }
        history.print(System.out);
        return null;
    }
}
