package org.switchboard.itests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A SIP message the server sent back to a {@link RawSipClient}, read leniently: the status line, the few header
 * fields the tests look at, and the raw text for failure messages.
 */
record RawSipResponse(int status, String reason, String callId, String cseq, String raw) {

    boolean isFinal() {
        return status >= 200;
    }

    /** The value of the first header field with this name (long or compact form, any case), if any. */
    Optional<String> header(String name, String compact) {
        return header(raw, name, compact);
    }

    /** "404 Not Found (CSeq 1 INVITE)", for reports (line breaks in the reason escaped). */
    String summary() {
        return status + " " + reason.replace("\r", "\\r").replace("\n", "\\n") + " (CSeq " + cseq + ")";
    }

    /** RFC 3261 25.1: a Reason-Phrase holds no CR or LF (a line break there breaks the response's framing). */
    boolean hasWellFormedStatusLine() {
        return reason.indexOf('\r') < 0 && reason.indexOf('\n') < 0;
    }

    /** Parses one response; empty when the bytes are not a SIP response (a request, a keep-alive, garbage). */
    static Optional<RawSipResponse> parse(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("SIP/2.0 ")) {
            return Optional.empty();
        }
        int lineEnd = text.indexOf("\r\n");
        String statusLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.of(new RawSipResponse(status, parts.length > 2 ? parts[2] : "",
                header(text, "Call-ID", "i").orElse(""), header(text, "CSeq", null).orElse(""), text));
    }

    /**
     * Splits what arrived on a stream into whole messages (framed by Content-Length, 0 when absent) and parses the
     * responses among them; a trailing partial message is left out.
     */
    static List<RawSipResponse> parseStream(byte[] bytes, int length) {
        List<RawSipResponse> responses = new ArrayList<>();
        int start = 0;
        while (start < length) {
            while (start + 1 < length && bytes[start] == '\r' && bytes[start + 1] == '\n') {
                start += 2; // keep-alives and stray line ends between messages
            }
            int headerEnd = indexOf(bytes, start, length, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (headerEnd < 0) {
                break;
            }
            String head = new String(bytes, start, headerEnd - start, StandardCharsets.ISO_8859_1);
            int bodyLength = header(head, "Content-Length", "l").map(String::trim).map(v -> {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }).orElse(0);
            int end = headerEnd + 4 + bodyLength;
            if (end > length) {
                break;
            }
            parse(bytes, start, end - start).ifPresent(responses::add);
            start = end;
        }
        return responses;
    }

    private static Optional<String> header(String text, String name, String compact) {
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (field.equals(name.toLowerCase(Locale.ROOT))
                    || (compact != null && field.equals(compact.toLowerCase(Locale.ROOT)))) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
