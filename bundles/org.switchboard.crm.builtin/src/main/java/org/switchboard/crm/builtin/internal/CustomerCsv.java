package org.switchboard.crm.builtin.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.NewCustomer;
import org.switchboard.crm.builtin.ImportReport;
import org.switchboard.crm.builtin.ImportReport.RowError;

/** Customers to and from CSV; contacts are not part of the file. */
final class CustomerCsv {

    static final List<String> COLUMNS = List.of("id", "name", "vip_level", "region", "owner_agent", "owner_team",
            "phones", "created_at");

    private record Parsed(String id, NewCustomer customer, Instant createdAt) {
    }

    private CustomerCsv() {
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
        Map<String, Integer> phoneRows = new HashMap<>();
        List<Parsed> parsed = new ArrayList<>();
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
                } else if (CustomerTable.exists(connection, id)) {
                    problems.add("id " + id + " belongs to an existing customer");
                }
            }
            String name = columns.value(row, "name");
            if (name == null) {
                problems.add("name is required");
            }
            int vipLevel = vipLevel(columns.value(row, "vip_level"), problems);
            List<String> phones = new ArrayList<>();
            String phoneList = columns.value(row, "phones");
            if (phoneList != null) {
                for (String raw : Arrays.asList(phoneList.split(";"))) {
                    if (raw.isBlank()) {
                        continue;
                    }
                    Optional<String> phone = PhoneNumbers.normalise(raw);
                    if (phone.isEmpty()) {
                        problems.add("phones: \"" + raw.trim() + "\" is not a phone number");
                        continue;
                    }
                    Integer earlier = phoneRows.putIfAbsent(phone.get(), row.row());
                    Optional<String> owner = CustomerTable.ownerOf(connection, phone.get());
                    if (earlier != null) {
                        problems.add("phone " + phone.get() + " is also on row " + earlier);
                    } else if (owner.isPresent()) {
                        problems.add("phone " + phone.get() + " belongs to customer " + owner.get());
                    } else {
                        phones.add(phone.get());
                    }
                }
            }
            Instant createdAt = instant(columns.value(row, "created_at"), "created_at", problems);
            if (problems.any()) {
                errors.add(problems.of(row));
            } else {
                parsed.add(new Parsed(id, new NewCustomer(name, vipLevel, columns.value(row, "region"),
                        columns.value(row, "owner_agent"), columns.value(row, "owner_team"), phones, List.of()),
                        createdAt == null ? now : createdAt));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(0, errors);
        }
        for (Parsed customer : parsed) {
            String id = customer.id() != null ? customer.id()
                    : Ids.next(connection, "crm_customer_seq", "C", "crm_customer");
            CustomerTable.insert(connection, id, customer.customer(), customer.createdAt());
        }
        return new ImportReport(parsed.size(), List.of());
    }

    static int exportAll(Connection connection, Writer writer) throws SQLException, IOException {
        Csv.write(writer, COLUMNS);
        List<Customer> customers = CustomerTable.all(connection);
        for (Customer customer : customers) {
            Csv.write(writer, Arrays.asList(customer.id(), customer.name(), Integer.toString(customer.vipLevel()),
                    customer.region(), customer.ownerAgent(), customer.ownerTeam(),
                    String.join(";", customer.phones()), customer.createdAt().toString()));
        }
        return customers.size();
    }

    private static int vipLevel(String text, CsvColumns.Problems problems) {
        if (text == null) {
            return 0;
        }
        try {
            int level = Integer.parseInt(text);
            if (level >= 0) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("vip_level \"" + text + "\" is not a whole number of 0 or more");
        return 0;
    }

    static Instant instant(String text, String column, CsvColumns.Problems problems) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(column + " \"" + text + "\" is not an ISO-8601 instant such as 2026-01-31T09:30:00Z");
            return null;
        }
    }
}
