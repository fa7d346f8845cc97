package org.switchboard.media.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed SDP session description (RFC 4566): the session-level connection and direction, and the media
 * sections. Only what the server negotiates is kept; other lines are checked for form and skipped.
 *
 * @param connection the session-level {@code c=} address, or null
 * @param direction  the session-level direction attribute, or null
 * @param media      the {@code m=} sections in order
 */
record SessionDescription(String connection, Direction direction, List<MediaDescription> media) {

    SessionDescription {
        media = List.copyOf(media);
    }

    /** The address a media section is reached at: its own {@code c=}, else the session's. */
    String connectionOf(MediaDescription section) {
        return section.connection() != null ? section.connection() : connection;
    }

    /** The direction of a media section: its own attribute, else the session's, else sendrecv. */
    Direction directionOf(MediaDescription section) {
        if (section.direction() != null) {
            return section.direction();
        }
        return direction != null ? direction : Direction.SENDRECV;
    }

    /** Parses SDP text; the exception says which line is wrong and why. */
    static SessionDescription parse(String text) throws SdpException {
        if (text == null || text.isBlank()) {
            throw new SdpException("SDP: empty session description");
        }
        String[] lines = text.split("\r?\n|\r");
        String sessionConnection = null;
        Direction sessionDirection = null;
        List<MediaDescription> media = new ArrayList<>();
        MediaBuilder current = null;
        boolean versionSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
                throw new SdpException("SDP line " + (i + 1) + " '" + abbreviate(line) + "' is not <type>=<value>");
            }
            char type = line.charAt(0);
            String value = line.substring(2).trim();
            if (!versionSeen) {
                if (type != 'v' || !value.equals("0")) {
                    throw new SdpException("SDP must begin with v=0, not '" + abbreviate(line) + "'");
                }
                versionSeen = true;
                continue;
            }
            switch (type) {
                case 'm' -> {
                    if (current != null) {
                        media.add(current.build());
                    }
                    current = MediaBuilder.parse(value, i + 1);
                }
                case 'c' -> {
                    String address = connectionAddress(value, i + 1);
                    if (current == null) {
                        sessionConnection = address;
                    } else {
                        current.connection = address;
                    }
                }
                case 'a' -> {
                    Direction direction = Direction.ofAttribute(value).orElse(null);
                    if (direction != null) {
                        if (current == null) {
                            sessionDirection = direction;
                        } else {
                            current.direction = direction;
                        }
                    } else if (current != null) {
                        current.attribute(value, i + 1);
                    }
                }
                default -> {
                    // v, o, s, t, b, ... : not negotiated here
                }
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (media.isEmpty()) {
            throw new SdpException("SDP has no media (m=) line");
        }
        return new SessionDescription(sessionConnection, sessionDirection, media);
    }

    private static String connectionAddress(String value, int line) throws SdpException {
        String[] parts = value.split("\\s+");
        if (parts.length < 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw new SdpException("SDP line " + line + ": c=" + value + " is not 'IN IP4|IP6 <address>'");
        }
        String address = parts[2].split("/")[0];
        if (!IpLiteral.isIpLiteral(address)) {
            throw new SdpException("SDP line " + line + ": c= address '" + address
                    + "' is not an IP address (host names are not looked up)");
        }
        return address;
    }

    static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }

    private static final class MediaBuilder {
        final String type;
        final int port;
        final String protocol;
        final List<String> formats;
        String connection;
        Direction direction;
        final Map<Integer, String> rtpmaps = new HashMap<>();
        final Map<Integer, String> fmtps = new HashMap<>();
        int ptime;

        private MediaBuilder(String type, int port, String protocol, List<String> formats) {
            this.type = type;
            this.port = port;
            this.protocol = protocol;
            this.formats = formats;
        }

        static MediaBuilder parse(String value, int line) throws SdpException {
            String[] parts = value.split("\\s+");
            if (parts.length < 4) {
                throw new SdpException("SDP line " + line + ": m=" + value
                        + " is not '<media> <port> <proto> <formats>'");
            }
            int port = number(parts[1].split("/")[0], 0, 65535, "m= port", line);
            List<String> formats = List.of(parts).subList(3, parts.length);
            if (parts[2].toUpperCase(Locale.ROOT).startsWith("RTP/")) {
                for (String format : formats) {
                    number(format, 0, 127, "RTP payload type", line);
                }
            }
            return new MediaBuilder(parts[0], port, parts[2], formats);
        }

        void attribute(String value, int line) throws SdpException {
            int colon = value.indexOf(':');
            if (colon < 0) {
                return;
            }
            String name = value.substring(0, colon);
            String argument = value.substring(colon + 1).trim();
            switch (name) {
                case "rtpmap", "fmtp" -> {
                    int space = argument.indexOf(' ');
                    if (space < 0) {
                        throw new SdpException("SDP line " + line + ": a=" + value
                                + " is not 'a=" + name + ":<payload type> <value>'");
                    }
                    int payloadType = number(argument.substring(0, space), 0, 127, "payload type", line);
                    (name.equals("rtpmap") ? rtpmaps : fmtps).put(payloadType, argument.substring(space + 1).trim());
                }
                case "ptime" -> ptime = number(argument.split("\\.")[0], 1, 1000, "ptime", line);
                default -> {
                    // other attributes are not negotiated here
                }
            }
        }

        MediaDescription build() {
            return new MediaDescription(type, port, protocol, formats, connection, direction, rtpmaps, fmtps,
                    ptime);
        }
    }

    private static int number(String text, int min, int max, String what, int line) throws SdpException {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SdpException("SDP line " + line + ": " + what + " '" + abbreviate(text) + "' is not a number in "
                + min + ".." + max);
    }
}
