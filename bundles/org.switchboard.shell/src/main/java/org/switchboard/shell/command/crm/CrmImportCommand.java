package org.switchboard.shell.command.crm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.crm.builtin.BuiltinCrm;
import org.switchboard.crm.builtin.ImportReport;
import org.switchboard.shell.command.AuditTrail;

@Command(scope = "callcenter", name = "crm-import",
        description = "Imports customers or leads from a CSV file into the built-in CRM: all rows, or none when any "
                + "row is bad (each bad row is listed with its number and reason)")
@Service
public class CrmImportCommand implements Action {

    @Argument(index = 0, name = "what", description = "customers or leads", required = true)
    String what;

    @Argument(index = 1, name = "file", description = "CSV file, UTF-8, with a header row", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Reference
    BuiltinCrm crm;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        ImportReport report;
        try (Reader csv = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            report = switch (what) {
                case "customers" -> crm.importCustomers(csv);
                case "leads" -> crm.importLeads(csv);
                default -> throw new IllegalArgumentException("'" + what + "': import customers or leads");
            };
        }
        if (!report.succeeded()) {
            System.out.println("Nothing imported from " + file + ": " + report.errors().size() + " bad row(s)");
            report.errors().forEach(error -> System.out.println("  row " + error.row() + ": " + error.reason()));
            return null;
        }
        System.out.println(report.imported() + " " + what + " imported from " + file);
        AuditTrail.record(audit, session, "crm-import", report.imported() + " " + what + " from " + file);
        return null;
    }
}
