package org.switchboard.crm.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class CsvTest {

    private static List<List<String>> fields(String text) throws Exception {
        return Csv.read(new StringReader(text)).stream().map(Csv.Row::fields).toList();
    }

    @Test
    public void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        assertEquals(List.of(List.of("a", "b, c", "say \"hi\"", "two\nlines"), List.of("x", "", "")),
                fields("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,,\n"));
    }

    @Test
    public void rowsAreNumberedAsTheOperatorSeesThemBlankLinesIncluded() throws Exception {
        List<Csv.Row> rows = Csv.read(new StringReader("name\n\nAnn\n"));

        assertEquals(List.of(1, 2, 3), rows.stream().map(Csv.Row::row).toList());
        assertTrue(rows.get(1).isBlank());
    }

    @Test
    public void aByteOrderMarkAtTheStartIsNotPartOfTheHeader() throws Exception {
        assertEquals(List.of(List.of("name")), fields("\uFEFFname"));
    }

    @Test
    public void anUnclosedQuoteIsRefusedNamingItsRow() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(new StringReader("name\n\"Ann\n")));

        assertEquals("row 2: a quoted field is not closed", refused.getMessage());
    }

    @Test
    public void whatIsWrittenReadsBackTheSame() throws Exception {
        List<String> row = Arrays.asList("plain", "with, comma", "with \"quote\"", " padded ", "multi\nline", null);
        StringWriter out = new StringWriter();
        Csv.write(out, row);

        assertEquals(List.of(Arrays.asList("plain", "with, comma", "with \"quote\"", " padded ", "multi\nline", "")),
                fields(out.toString()));
    }
}
