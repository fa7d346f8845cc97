package org.switchboard.shell.command.crm;

import java.io.IOException;
import java.io.Writer;
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
import org.switchboard.shell.command.AuditTrail;

@Command(scope = "callcenter", name = "crm-export",
        description = "Writes the built-in CRM's customers or leads to a CSV file that crm-import reads")
@Service
public class CrmExportCommand implements Action {

    @Argument(index = 0, name = "what", description = "customers or leads", required = true)
    String what;

    @Argument(index = 1, name = "file", description = "CSV file to write (replaced if it exists)", required = true)
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
        if (!what.equals("customers") && !what.equals("leads")) {
            throw new IllegalArgumentException("'" + what + "': export customers or leads");
        }
        Path target = Path.of(file);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        int count;
        try (Writer csv = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            count = what.equals("customers") ? crm.exportCustomers(csv) : crm.exportLeads(csv);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        // A failed export never leaves a half-written file under the name asked for.
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println(count + " " + what + " written to " + file);
        AuditTrail.record(audit, session, "crm-export", count + " " + what + " to " + file);
        return null;
    }
}
