package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.StrategyInfo;

@Command(scope = "callcenter", name = "strategies", description = "Lists the installed routing strategies and the queues using them")
@Service
public class StrategiesCommand implements Action {

    @Reference
    AgentDesk desk;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Strategy");
        table.column("Bundle");
        table.column("Version");
        table.column("Queues");
        for (StrategyInfo strategy : desk.strategies()) {
            table.addRow().addContent(strategy.name(), strategy.bundle(), strategy.version(),
                    String.join(",", strategy.queues()));
        }
        table.print(System.out);
        return null;
    }
}
