package org.switchboard.shell.command.ivr;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.switchboard.api.ivr.CallFlowFiles;

@Command(scope = "callcenter", name = "flow-check", description = "Checks a call flow file without loading it and "
        + "prints its problems with their line numbers")
@Service
public class FlowCheckCommand implements Action {

    @Argument(index = 0, name = "file", description = "The flow file: a path, absolute or relative to the flow "
            + "folder (see callcenter:flows)", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Reference
    CallFlowFiles files;

    @Override
    public Object execute() {
        List<String> problems = files.check(file);
        if (problems.isEmpty()) {
            System.out.println(file + ": no problems; the flow would load.");
        } else {
            problems.forEach(System.out::println);
            System.out.println(problems.size() + " problem(s); the file would not load.");
        }
        return null;
    }
}
