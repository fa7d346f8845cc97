package org.switchboard.ivr.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/** docs/ivr-flows.md describes the schema the reader enforces: the same node types, each with the same fields. */
public class FlowSchemaDocumentationTest {
    private static final Pattern FIELD_ROW = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|");

    private static String guide() throws IOException {
        return Files.readString(Path.of("../../docs/ivr-flows.md"), StandardCharsets.UTF_8);
    }

    @Test
    public void everyNodeTypeIsDocumentedWithExactlyItsFields() throws IOException {
        String guide = guide();
        for (FlowSchema.NodeType type : FlowSchema.NODE_TYPES.values()) {
            int start = guide.indexOf("\n### " + type.name() + "\n");
            assertTrue("a section for " + type.name(), start >= 0);
            int end = guide.indexOf("\n#", start + 5);
            Matcher rows = FIELD_ROW.matcher(guide.substring(start, end < 0 ? guide.length() : end));
            List<String> documented = new ArrayList<>();
            while (rows.find()) {
                documented.add(rows.group(1));
            }
            assertEquals("fields of " + type.name(), List.copyOf(type.fields().keySet()), documented);
        }
    }

    @Test
    public void theFileKeysAreDocumented() throws IOException {
        String guide = guide();
        for (String key : FlowSchema.FILE_FIELDS.keySet()) {
            assertTrue(key, guide.contains("\n" + key + ":"));
        }
    }
}
