package org.switchboard.crm.builtin.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.switchboard.crm.builtin.ImportReport.RowError;

/** The columns a CSV file's header names, and the values of a row by column name. */
final class CsvColumns {

    private final Map<String, Integer> positions;
    private final int width;

    private CsvColumns(Map<String, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /**
     * Reads the header; unknown, repeated and missing required columns are added to {@code errors} as errors of
     * row 1.
     */
    static CsvColumns of(Csv.Row header, List<String> known, List<String> required, List<RowError> errors) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> fields = header.fields();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).trim().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                errors.add(new RowError(header.row(), "unknown column \"" + fields.get(i) + "\"; known columns: "
                        + String.join(",", known)));
            } else if (positions.putIfAbsent(name, i) != null) {
                errors.add(new RowError(header.row(), "column " + name + " appears twice"));
            }
        }
        for (String name : required) {
            if (!positions.containsKey(name)) {
                errors.add(new RowError(header.row(), "the required column " + name + " is missing"));
            }
        }
        return new CsvColumns(positions, fields.size());
    }

    /** A row with more fields than the header has columns cannot be read safely. */
    String widthProblem(Csv.Row row) {
        return row.fields().size() > width
                ? "has " + row.fields().size() + " fields but the header has " + width + " columns"
                : null;
    }

    /** The trimmed value, or {@code null} when the column is absent or blank. */
    String value(Csv.Row row, String column) {
        Integer position = positions.get(column);
        if (position == null || position >= row.fields().size()) {
            return null;
        }
        return Texts.orNull(row.fields().get(position));
    }

    /** Collects the problems of one row, reported together. */
    static final class Problems {
        private final List<String> reasons = new ArrayList<>();

        void add(String reason) {
            if (reason != null) {
                reasons.add(reason);
            }
        }

        boolean any() {
            return !reasons.isEmpty();
        }

        RowError of(Csv.Row row) {
            return new RowError(row.row(), String.join("; ", reasons));
        }
    }
}
