package org.switchboard.itests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The torture messages of src/test/resources/torture (byte for byte as the RFCs' archives hold them), and the
 * one adjustment that sending them back to back to one server needs.
 */
final class TortureMessages {
    private static final Pattern BRANCH = Pattern.compile("(?i)branch\\s*=\\s*([^;,\\s]+)");

    private TortureMessages() {
    }

    /** A message of src/test/resources/torture, byte for byte. */
    static byte[] load(String file) {
        try (InputStream in = TortureMessages.class.getResourceAsStream("/torture/" + file)) {
            if (in != null) {
                return in.readAllBytes();
            }
            // the probe bundle lacks test resources: read them from the source tree beside the sipp scenarios
            File source = new File(new File(System.getProperty("switchboard.sipp.scenarios")).getParentFile(),
                    "resources/torture/" + file);
            return Files.readAllBytes(source.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read torture message " + file, e);
        }
    }

    /**
     * One replay of the corpus. The RFCs' messages are each meant to be sent on their own, yet many share a top
     * Via branch (RFC 4475: "z9hG4bKkdjuw" twenty times) and RFC 5118's share a Call-ID and branch. Sent within
     * the 32 s a server keeps a transaction, a later one would be taken for a retransmission of an earlier one
     * (RFC 3261 17.2.3) and absorbed, which tests nothing of the RFC. So a message whose branch or Call-ID was
     * already sent in this replay gets "-N" appended to it (RFC 3261 8.1.1.7: branches are unique per request);
     * the first message with a given value, and every other byte, is sent as the archive holds it.
     */
    static final class Replay {
        private final Set<String> branches = new HashSet<>();
        private final Set<String> callIds = new HashSet<>();
        private final List<String> changes = new ArrayList<>();
        private int suffixes;

        byte[] distinct(String name, byte[] message) {
            String text = new String(message, StandardCharsets.ISO_8859_1);
            int[] via = RawSipClient.firstHeaderField(text, "Via", "v");
            if (via != null) {
                Matcher branch = BRANCH.matcher(text).region(via[0], via[1]);
                if (branch.find()) {
                    String value = branch.group(1);
                    if (!branches.add(value.toLowerCase(Locale.ROOT))) {
                        String unique = value + "-" + (++suffixes);
                        text = text.substring(0, branch.start(1)) + unique + text.substring(branch.end(1));
                        changes.add(name + ": branch " + value + " -> " + unique);
                    }
                }
            }
            int[] callId = RawSipClient.firstHeaderField(text, "Call-ID", "i");
            if (callId != null) {
                String value = text.substring(callId[0] + 1, callId[1]).trim();
                if (!value.isEmpty() && !callIds.add(value)) {
                    String unique = value + "-" + (++suffixes);
                    int at = text.indexOf(value, callId[0]);
                    text = text.substring(0, at) + unique + text.substring(at + value.length());
                    changes.add(name + ": Call-ID " + value + " -> " + unique);
                }
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }

        /** What was changed, for the report. */
        List<String> changes() {
            return List.copyOf(changes);
        }
    }
}
