package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), or a single
 * address ({@code 192.0.2.7}, {@code ::1}). Parsing never consults DNS: only address literals are accepted.
 *
 * @param network      the first address of the block (host bits are zero)
 * @param prefixLength leading bits that addresses of the block share
 */
record AddressBlock(InetAddress network, int prefixLength) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    AddressBlock {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + bits);
        }
    }

    /** Reads {@code address[/prefix]}; the message of the exception says what is wrong with {@code text}. */
    static AddressBlock parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = literal(addressPart).orElseThrow(() -> new IllegalArgumentException(
                "'" + trimmed + "' is not an IPv4 or IPv6 address or CIDR block"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixPart = trimmed.substring(slash + 1);
            try {
                prefix = Integer.parseInt(prefixPart);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + trimmed + "': prefix length '" + prefixPart
                        + "' is not a whole number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + trimmed + "': prefix length must be 0.." + bits);
            }
        }
        InetAddress network = masked(address, prefix);
        if (!network.equals(address)) {
            throw new IllegalArgumentException("'" + trimmed + "' has bits set after the prefix; did you mean "
                    + network.getHostAddress() + "/" + prefix + " or " + address.getHostAddress() + "/" + bits + "?");
        }
        return new AddressBlock(network, prefix);
    }

    /** Whether {@code address} is in this block; an IPv4 address is never in an IPv6 block and vice versa. */
    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] ours = network.getAddress();
        if (candidate.length != ours.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != ours[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (candidate[fullBytes] & mask) == (ours[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    /** An IPv4 or IPv6 address literal, without any name lookup; empty for anything else. */
    static Optional<InetAddress> literal(String text) {
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        try {
            if (IPV4.matcher(candidate).matches()) {
                String[] parts = candidate.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int value = Integer.parseInt(parts[i]);
                    if (value > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) value;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (IPV6.matcher(candidate).matches()) {
                // a text with a colon is only ever parsed as an IPv6 literal, never looked up
                return Optional.of(InetAddress.getByName(candidate));
            }
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }
}
