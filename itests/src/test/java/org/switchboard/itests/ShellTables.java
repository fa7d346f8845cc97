package org.switchboard.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tables the callcenter:* commands print. Karaf's ShellTable prints a header, a line of dashes, then rows,
 * with cells separated by " | " (or box-drawing characters on a terminal that takes them).
 */
final class ShellTables {

    private ShellTables() {
    }

    /** The rows of the last table in the output, each by column name; empty when the output has no table. */
    static Optional<List<Map<String, String>>> lastTable(String output) {
        List<String> lines = output.lines()
                .map(line -> line.replace('\u2502', '|').replace('\u253c', '+').replace('\u2500', '-'))
                .filter(line -> line.contains(" | ") || line.contains("-+-")).toList();
        int separator = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("-+-")) {
                separator = i;
            }
        }
        if (separator < 1) {
            return Optional.empty();
        }
        List<String> header = cells(lines.get(separator - 1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(separator + 1, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(row);
        }
        return Optional.of(rows);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|", -1)).map(String::trim).toList();
    }
}
