package org.switchboard.itests;

/** Pieces of SIP messages as the tests' own phones write them. */
final class SipText {

    private SipText() {
    }

    /** A response's status line and the request's Via, From, To (with {@code toTag} added), Call-ID and CSeq. */
    static String reply(String request, String status, String toTag) {
        StringBuilder response = new StringBuilder("SIP/2.0 " + status + "\r\n");
        for (String line : request.split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("to:") || lower.startsWith("t:")) {
                response.append(line).append(line.contains(";tag=") ? "" : toTag).append("\r\n");
            } else if (lower.startsWith("via:") || lower.startsWith("v:") || lower.startsWith("from:")
                    || lower.startsWith("f:") || lower.startsWith("call-id:") || lower.startsWith("i:")
                    || lower.startsWith("cseq:")) {
                response.append(line).append("\r\n");
            }
        }
        return response.toString();
    }

    static String header(String message, String name, String compact) {
        for (String line : message.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).trim();
                if (key.equalsIgnoreCase(name) || key.equalsIgnoreCase(compact)) {
                    return line.substring(colon + 1).trim();
                }
            }
        }
        throw new IllegalStateException("no " + name + " header in:\n" + message);
    }
}
