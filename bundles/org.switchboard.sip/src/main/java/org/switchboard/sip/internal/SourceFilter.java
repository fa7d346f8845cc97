package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The source addresses a kind of request is accepted from: a list of {@link AddressBlock}s, IPv4 and IPv6 mixed.
 *
 * @param blocks the blocks, in the order they were given
 */
record SourceFilter(List<AddressBlock> blocks) {

    SourceFilter {
        blocks = List.copyOf(blocks);
    }

    /**
     * Reads a comma-separated list such as {@code "127.0.0.0/8, ::1, 192.0.2.10"}; the message of the exception
     * says which entry is wrong and why.
     */
    static SourceFilter parse(String commaSeparated) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            if (!entry.isBlank()) {
                blocks.add(AddressBlock.parse(entry));
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no address or CIDR block given");
        }
        return new SourceFilter(blocks);
    }

    boolean allows(InetAddress source) {
        for (AddressBlock block : blocks) {
            if (block.contains(source)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return blocks.stream().map(AddressBlock::toString).collect(Collectors.joining(", "));
    }
}
