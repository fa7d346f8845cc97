package org.switchboard.crm.builtin;

import java.util.List;

/**
 * The outcome of a CSV import: either every row was imported, or none was and the bad rows are listed.
 *
 * @param imported how many rows were imported (0 when any row is bad)
 * @param errors   every bad row with its reason, in row order; empty when the import succeeded
 */
public record ImportReport(int imported, List<RowError> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && imported != 0) {
            throw new IllegalArgumentException("an import with errors imports nothing");
        }
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /**
     * A row that could not be imported.
     *
     * @param row    the row number, the header being row 1
     * @param reason why, in words, naming the column
     */
    public record RowError(int row, String reason) {
    }
}
