package org.switchboard.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Valid INVITE, REGISTER, BYE and OPTIONS requests from one UDP port, and random mutations of them; every
 * choice comes from the Random it is given, so a seed replays the same messages.
 * <p>
 * The requests keep the server's answers on 127.0.0.1: their top Via names 127.0.0.1 and the sending port with
 * rport, and the server answers a request over UDP at its Via's "received" address (the packet's source, which
 * it adds whenever the sent-by differs) or at the sending port. No mutation adds a maddr.
 */
final class FuzzMutator {
    /** A mutation: what it is called and what it does to a message. */
    record Mutation(String name, BiFunction<FuzzMutator, byte[], byte[]> apply) {
    }

    private static final String TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";
    private static final String[] CONTENT_LENGTHS = { "-1", "-999", "99999999", "2147483648", "abc", "0", " ",
        "1e3", "0x10", "18446744073709551616", "+5", "65536" };
    private static final String[] CSEQS = { "", "abc INVITE", "-1 INVITE", "4294967296 INVITE", "1",
        "1 INVITE extra", "1 ", "99999999999999999999999999999999999999 OPTIONS", "1 NOTMETHOD", "\t1\tBYE" };
    private static final String[] VIAS = { "SIP/2.0/UDP", "SIP/2.0/UDP 127.0.0.1:%d;rport;branch=",
        "SIP/3.0/UDP 127.0.0.1:%d;rport;branch=z9hG4bKx", "SIP/2.0/XYZ 127.0.0.1:%d;rport;branch=z9hG4bKx",
        "SIP/2.0/UDP [::1;rport;branch=z9hG4bKx", "SIP/2.0/UDP 127.0.0.1:99999;rport;branch=z9hG4bKx",
        "SIP/2.0/UDP 127.0.0.1:%d;rport;branch=z9hG4bKx;;;;;;;;", "SIP/2.0/UDP 127.0.0.1:%d;rport;received=@@@",
        "SIP/2.0/UDP 127.0.0.1:%d;rport;branch=z9hG4bKx,,,,", "SIP/2.0/TCP 127.0.0.1:%d;rport;branch=z9hG4bKx",
        "SIP/2.0/UDP 127.0.0.1:%d;rport=abc;branch=z9hG4bKx", "/ / /" };
    private static final String[] HUGE_PATTERNS = { "a", "(", "\"", ";", ",", "%00", "<", "\\", "x=y;", " " };
    private static final int[] HUGE_SIZES = { 1024, 8 * 1024, 30 * 1024, 60 * 1024 };

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("flip a bit", FuzzMutator::flipBit),
            new Mutation("overwrite a byte", FuzzMutator::overwriteByte),
            new Mutation("insert bytes", FuzzMutator::insertBytes),
            new Mutation("delete bytes", FuzzMutator::deleteBytes),
            new Mutation("duplicate a header line", FuzzMutator::duplicateLine),
            new Mutation("drop a header line", FuzzMutator::dropLine),
            new Mutation("absurd Content-Length", FuzzMutator::absurdContentLength),
            new Mutation("huge header value", FuzzMutator::hugeHeaderValue),
            new Mutation("random method", FuzzMutator::randomMethod),
            new Mutation("bad CSeq", FuzzMutator::badCSeq),
            new Mutation("bad Via", FuzzMutator::badVia),
            new Mutation("truncate", FuzzMutator::truncate),
            new Mutation("mangle line ends", FuzzMutator::mangleLineEnds));

    private final Random random;
    private final int localPort;
    private final int serverPort;

    FuzzMutator(Random random, int localPort, int serverPort) {
        this.random = random;
        this.localPort = localPort;
        this.serverPort = serverPort;
    }

    /** A valid request of one of the four kinds, with a Call-ID, tag and branch of its own (by {@code n}). */
    String template(String method, int n) {
        String via = "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";rport;branch=z9hG4bK-fuzz-" + n + "\r\n";
        String from = "From: \"Fuzz\" <sip:fuzz@127.0.0.1:" + localPort + ">;tag=fz" + n + "\r\n";
        String common = "Max-Forwards: 70\r\nCall-ID: fuzz-" + n + "@127.0.0.1\r\n";
        String server = "127.0.0.1:" + serverPort;
        return switch (method) {
            case "INVITE" -> {
                String sdp = "v=0\r\no=fuzz " + n + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                        + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
                yield "INVITE sip:4000@" + server + " SIP/2.0\r\n" + via + common + from + "To: <sip:4000@" + server
                        + ">\r\nCSeq: 1 INVITE\r\nContact: <sip:fuzz@127.0.0.1:" + localPort
                        + ">\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
            }
            case "REGISTER" -> "REGISTER sip:" + server + " SIP/2.0\r\n" + via + common + from
                    + "To: <sip:fuzz@" + server + ">\r\nCSeq: 1 REGISTER\r\nContact: <sip:fuzz@127.0.0.1:" + localPort
                    + ">\r\nExpires: 60\r\nContent-Length: 0\r\n\r\n";
            case "BYE" -> "BYE sip:fuzz@" + server + " SIP/2.0\r\n" + via + common + from + "To: <sip:4000@"
                    + server + ">;tag=gone" + n + "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
            case "OPTIONS" -> "OPTIONS sip:" + server + " SIP/2.0\r\n" + via + common + from + "To: <sip:" + server
                    + ">\r\nCSeq: 1 OPTIONS\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n";
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** One to three random mutations of the message; their names are added to {@code applied}. */
    byte[] mutate(byte[] message, List<String> applied) {
        int count = 1 + random.nextInt(3);
        byte[] result = message;
        for (int i = 0; i < count; i++) {
            Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
            result = mutation.apply().apply(this, result);
            applied.add(mutation.name());
        }
        return result.length > 65_000 ? Arrays.copyOf(result, 65_000) : result;
    }

    // ---- byte level

    private byte[] flipBit(byte[] m) {
        byte[] r = m.clone();
        int at = random.nextInt(r.length);
        r[at] ^= (byte) (1 << random.nextInt(8));
        return r;
    }

    private byte[] overwriteByte(byte[] m) {
        byte[] r = m.clone();
        r[random.nextInt(r.length)] = (byte) random.nextInt(256);
        return r;
    }

    private byte[] insertBytes(byte[] m) {
        byte[] inserted = new byte[1 + random.nextInt(8)];
        random.nextBytes(inserted);
        int at = random.nextInt(m.length + 1);
        return concat(Arrays.copyOfRange(m, 0, at), inserted, Arrays.copyOfRange(m, at, m.length));
    }

    private byte[] deleteBytes(byte[] m) {
        if (m.length < 2) {
            return m;
        }
        int at = random.nextInt(m.length - 1);
        int end = Math.min(m.length, at + 1 + random.nextInt(16));
        return concat(Arrays.copyOfRange(m, 0, at), Arrays.copyOfRange(m, end, m.length));
    }

    private byte[] truncate(byte[] m) {
        return Arrays.copyOf(m, random.nextInt(m.length));
    }

    private byte[] mangleLineEnds(byte[] m) {
        String text = text(m);
        List<Integer> ends = new ArrayList<>();
        for (int i = text.indexOf("\r\n"); i >= 0; i = text.indexOf("\r\n", i + 2)) {
            ends.add(i);
        }
        if (ends.isEmpty()) {
            return m;
        }
        int at = ends.get(random.nextInt(ends.size()));
        String replacement = switch (random.nextInt(4)) {
            case 0 -> "\n";
            case 1 -> "\r";
            case 2 -> "\r\n\r\n";
            default -> "\r\n ";
        };
        return bytes(text.substring(0, at) + replacement + text.substring(at + 2));
    }

    // ---- header level

    private byte[] duplicateLine(byte[] m) {
        List<String> lines = headerLines(m);
        if (lines.size() < 2) {
            return m;
        }
        int at = 1 + random.nextInt(lines.size() - 1);
        lines.add(at, lines.get(at));
        return withHeaderLines(m, lines);
    }

    private byte[] dropLine(byte[] m) {
        List<String> lines = headerLines(m);
        if (lines.size() < 2) {
            return m;
        }
        lines.remove(1 + random.nextInt(lines.size() - 1));
        return withHeaderLines(m, lines);
    }

    private byte[] absurdContentLength(byte[] m) {
        return replaceHeader(m, "Content-Length", CONTENT_LENGTHS[random.nextInt(CONTENT_LENGTHS.length)]);
    }

    private byte[] hugeHeaderValue(byte[] m) {
        String pattern = HUGE_PATTERNS[random.nextInt(HUGE_PATTERNS.length)];
        int size = HUGE_SIZES[random.nextInt(HUGE_SIZES.length)];
        String value = pattern.repeat(Math.max(1, size / pattern.length()));
        String[] names = { "Subject", "User-Agent", "X-Fuzz", "Call-ID", "From", "To", "Contact", "Via" };
        String name = names[random.nextInt(names.length)];
        if (name.equals("Subject") || name.equals("User-Agent") || name.equals("X-Fuzz")) {
            List<String> lines = headerLines(m);
            lines.add(1 + random.nextInt(lines.size()), name + ": " + value);
            return withHeaderLines(m, lines);
        }
        return replaceHeader(m, name, name.equals("Via")
                ? "SIP/2.0/UDP 127.0.0.1:" + localPort + ";rport;branch=z9hG4bK" + value
                : "<sip:" + value + "@127.0.0.1>");
    }

    private byte[] randomMethod(byte[] m) {
        String text = text(m);
        int space = text.indexOf(' ');
        if (space < 0) {
            return m;
        }
        StringBuilder method = new StringBuilder();
        int length = 1 + random.nextInt(20);
        boolean tokenOnly = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            method.append(tokenOnly ? TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length()))
                    : (char) (33 + random.nextInt(94)));
        }
        byte[] renamed = bytes(method + text.substring(space));
        return random.nextBoolean() ? replaceHeader(renamed, "CSeq", "1 " + method) : renamed;
    }

    private byte[] badCSeq(byte[] m) {
        return replaceHeader(m, "CSeq", CSEQS[random.nextInt(CSEQS.length)]);
    }

    private byte[] badVia(byte[] m) {
        String via = VIAS[random.nextInt(VIAS.length)];
        return replaceHeader(m, "Via", via.contains("%d") ? String.format(via, localPort) : via);
    }

    // ---- helpers

    /** The start line and header lines (without the blank line and body). */
    private static List<String> headerLines(byte[] m) {
        String text = text(m);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        return new ArrayList<>(Arrays.asList(head.split("\r\n", -1)));
    }

    private static byte[] withHeaderLines(byte[] m, List<String> lines) {
        String text = text(m);
        int end = text.indexOf("\r\n\r\n");
        String rest = end < 0 ? "" : text.substring(end);
        return bytes(String.join("\r\n", lines) + rest);
    }

    /** Sets the value of the first header field with this name, adding the field when there is none. */
    private static byte[] replaceHeader(byte[] m, String name, String value) {
        List<String> lines = headerLines(m);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                lines.set(i, name + ": " + value);
                return withHeaderLines(m, lines);
            }
        }
        lines.add(name + ": " + value);
        return withHeaderLines(m, lines);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String text(byte[] m) {
        return new String(m, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
