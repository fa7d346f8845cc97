package org.switchboard.crm.builtin.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Comma-separated values as RFC 4180 describes them: quoted fields may hold commas, quotes and line breaks. */
final class Csv {

    /** One record of a file; {@code row} counts records from 1 (the header). */
    record Row(int row, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }

        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** Spreadsheets put it at the start of the UTF-8 files they save; it is not part of the first column's name. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /**
     * Every record of the text, blank lines included (as rows of one empty field) so that row numbers match what
     * the operator sees.
     *
     * @throws IllegalArgumentException when a quoted field is not closed, naming the row where it starts
     */
    static List<Row> read(Reader source) throws IOException {
        Reader reader = source.markSupported() ? source : new BufferedReader(source);
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean atFieldStart = true;
        boolean any = false;
        int c;
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        while ((c = reader.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                fields.add(field.toString());
                rows.add(new Row(rows.size() + 1, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                atFieldStart = true;
                any = false;
            } else {
                field.append(ch);
                atFieldStart = false;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + ": a quoted field is not closed");
        }
        if (any) {
            fields.add(field.toString());
            rows.add(new Row(rows.size() + 1, fields));
        }
        return rows;
    }

    static void write(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(fields.get(i)));
        }
        writer.write("\r\n");
    }

    private static String quoted(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0 && field.strip().equals(field)) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
