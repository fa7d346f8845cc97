package org.switchboard.crm.builtin.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.builtin.ImportReport;
import org.switchboard.crm.builtin.ImportReport.RowError;

/** Leads to and from CSV. */
final class LeadCsv {

    static final List<String> COLUMNS = List.of("id", "name", "phone", "email", "source", "status",
            "assigned_agent", "converted_customer_id", "notes", "created_at");

    private LeadCsv() {
    }

    /** Checks every row first and inserts only when none is bad; the caller's transaction makes it all-or-none. */
    static ImportReport importAll(Connection connection, List<Csv.Row> rows, Instant now) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(1, "the file is empty; a header row is required")));
        }
        CsvColumns columns = CsvColumns.of(rows.get(0), COLUMNS, List.of("name"), errors);
        if (!errors.isEmpty()) {
            return new ImportReport(0, errors);
        }
        Map<String, Integer> idRows = new HashMap<>();
        List<Lead> parsed = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            CsvColumns.Problems problems = new CsvColumns.Problems();
            problems.add(columns.widthProblem(row));
            String id = columns.value(row, "id");
            if (id != null) {
                Integer earlier = idRows.putIfAbsent(id, row.row());
                if (earlier != null) {
                    problems.add("id " + id + " is also on row " + earlier);
                } else if (id.length() > 32) {
                    problems.add("id is longer than 32 characters");
                } else if (LeadTable.exists(connection, id)) {
                    problems.add("id " + id + " belongs to an existing lead");
                }
            }
            String name = columns.value(row, "name");
            if (name == null) {
                problems.add("name is required");
            }
            String phone = columns.value(row, "phone");
            if (phone != null) {
                String raw = phone;
                phone = PhoneNumbers.normalise(raw).orElse(null);
                if (phone == null) {
                    problems.add("phone \"" + raw + "\" is not a phone number");
                }
            }
            String agent = columns.value(row, "assigned_agent");
            LeadStatus status = agent == null ? LeadStatus.NEW : LeadStatus.ASSIGNED;
            String statusText = columns.value(row, "status");
            if (statusText != null) {
                try {
                    status = LeadStatus.fromLabel(statusText);
                } catch (IllegalArgumentException e) {
                    problems.add("status \"" + statusText + "\" is not one of new, assigned, converted, lost");
                }
            }
            if (status == LeadStatus.ASSIGNED && agent == null) {
                problems.add("an assigned lead needs assigned_agent");
            }
            String customer = columns.value(row, "converted_customer_id");
            if (status == LeadStatus.CONVERTED) {
                if (customer == null) {
                    problems.add("a converted lead needs converted_customer_id");
                } else if (!CustomerTable.exists(connection, customer)) {
                    problems.add("converted_customer_id " + customer + " is no customer");
                }
            } else if (customer != null) {
                problems.add("converted_customer_id is only for converted leads");
            }
            Instant createdAt = CustomerCsv.instant(columns.value(row, "created_at"), "created_at", problems);
            if (problems.any()) {
                errors.add(problems.of(row));
            } else {
                String source = columns.value(row, "source");
                parsed.add(new Lead(id == null ? "" : id, name, phone, columns.value(row, "email"),
                        source == null ? "import" : source, status, agent, customer, columns.value(row, "notes"),
                        createdAt == null ? now : createdAt));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(0, errors);
        }
        for (Lead lead : parsed) {
            String id = lead.id().isEmpty() ? Ids.next(connection, "crm_lead_seq", "L", "crm_lead") : lead.id();
            LeadTable.insert(connection, new Lead(id, lead.name(), lead.phone(), lead.email(), lead.source(),
                    lead.status(), lead.assignedAgent(), lead.convertedCustomerId(), lead.notes(),
                    lead.createdAt()), null);
        }
        return new ImportReport(parsed.size(), List.of());
    }

    static int exportAll(Connection connection, Writer writer) throws SQLException, IOException {
        Csv.write(writer, COLUMNS);
        List<Lead> leads = LeadTable.all(connection);
        for (Lead lead : leads) {
            Csv.write(writer, Arrays.asList(lead.id(), lead.name(), lead.phone(), lead.email(), lead.source(),
                    lead.status().label(), lead.assignedAgent(), lead.convertedCustomerId(), lead.notes(),
                    lead.createdAt().toString()));
        }
        return leads.size();
    }
}
