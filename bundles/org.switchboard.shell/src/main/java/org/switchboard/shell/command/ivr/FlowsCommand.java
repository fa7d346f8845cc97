package org.switchboard.shell.command.ivr;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.ivr.CallFlowFiles;
import org.switchboard.api.ivr.CallFlowFiles.LoadedFlow;
import org.switchboard.api.ivr.CallFlows;

@Command(scope = "callcenter", name = "flows", description = "Lists the call flows (IVR), their numbers and files, "
        + "and what is wrong with the flow files")
@Service
public class FlowsCommand implements Action {

    @Reference
    CallFlowFiles files;

    @Reference
    CallFlows flows;

    @Override
    public Object execute() {
        System.out.println("Flow folder: " + files.directory());
        ShellTable table = new ShellTable();
        table.column("Flow");
        table.column("Numbers");
        table.column("File");
        for (LoadedFlow flow : files.flows()) {
            table.addRow().addContent(flow.name(),
                    flow.numbers().isEmpty() ? "(run by name)" : String.join(",", flow.numbers()), flow.file());
        }
        table.print(System.out);
        List<String> problems = flows.loadProblems();
        if (problems.isEmpty()) {
            System.out.println("No problems in the flow files.");
        } else {
            System.out.println("Problems (those files keep their previous version, if any):");
            problems.forEach(problem -> System.out.println("  " + problem));
        }
        return null;
    }
}
