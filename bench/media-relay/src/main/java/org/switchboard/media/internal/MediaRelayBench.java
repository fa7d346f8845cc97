package org.switchboard.media.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.switchboard.api.media.MediaLeg;

/**
 * Load of the media relay: N bridged calls in one process. Each call is two legs of a {@link RtpMediaServer}
 * (built directly, no OSGi) and two UDP sockets on 127.0.0.1 as the caller's and the agent's phones, which both
 * send a 20 ms PCMU packet every 20 ms (one sender thread for all, on an absolute schedule) and receive what the
 * other one sent, relayed by the server (one receiver thread, a selector over all the phones' sockets).
 * <p>
 * Supervised calls (mode {@code listen}, {@code whisper} or {@code barge}) have a third leg and phone, the
 * supervisor's: the server's offer and the phone's answer, PCMU, not bridged. It hears the mix of caller and agent
 * ({@link MediaLeg#hearMix}); in whisper the agent hears the mix of caller and supervisor instead of the relay, in
 * barge the caller also hears the mix of agent and supervisor. The supervisor's phone sends only in whisper and
 * barge. A mixed stream is sent by the server's pacing thread every 20 ms, whatever arrived.
 * <p>
 * Each payload carries the sender's tick number and {@link System#nanoTime()} in its first 16 bytes, untouched by
 * the relay (both legs PCMU): loss of a relayed stream is counted per stream against the ticks sent in the
 * measured window, latency is arrival minus sending time (same clock), jitter is RFC 3550's estimator over the
 * relayed RTP timestamps. The mix sums decoded audio, so those bytes do not survive it; instead each phone writes
 * its tick (16 bits) as loud or silent samples into a 48-sample region of the rest of the payload that is its own
 * (caller, agent, supervisor: three regions that do not overlap) and leaves the rest silent. The sum of the sources
 * keeps each region readable, so a mixed packet says which frame of each source it carries. For a mixed stream:
 * packets received per 20 ms of the window (by arrival time), RFC 3550 jitter over its RTP timestamps (the pacing
 * thread's timeline), the sources' frames of the window that never appeared in it, and latency through the mix:
 * arrival minus the time the source's phone sent that frame (kept by the sender for each phone and tick). That
 * includes the wait for the server's next pacing tick: the phones send halfway between two of them (10 ms before).
 * Each stream's lowest latency shows the frames that wait in its sources' buffers the whole window (20 ms each).
 * <p>
 * CPU is the thread CPU time of the server's two threads (receive loop, pacing), with the part not spent in user
 * mode (the kernel's: UDP receive and send), and of the whole process (which includes the load generator); heap
 * per call is the heap in use after a full GC with the calls set up, minus before.
 * <p>
 * The caller's and the agent's legs are watched for a media timeout (the default 60 s), as the SIP edge watches
 * every answered party: the pacing thread checks them once a second. None is expected to be reported.
 * <p>
 * Usage: {@code java -jar media-relay-bench.jar [mode] [warmupSeconds measureSeconds N...]}, mode {@code relay}
 * (the default: bridged calls only), {@code listen}, {@code whisper} or {@code barge}; default {@code 5 20 250 500
 * 1000 1500}. Prints one Markdown table row per N.
 */
public final class MediaRelayBench {
    private static final int FRAME_BYTES = Codec.FRAME_SAMPLES;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Tick number and send time, the first 16 bytes of every payload. */
    private static final int STAMP_BYTES = 16;
    private static final int REGION_SAMPLES = 48;
    private static final int TICK_BITS = 16;
    private static final byte LOUD = G711.linearToUlaw(16000);
    private static final int LOUD_THRESHOLD = 8000;
    /** Media timeouts the legs reported: none is expected, every phone sends all the time. */
    private static final AtomicLong MEDIA_TIMEOUTS = new AtomicLong();
    /** Send times kept per phone: 10 s of ticks, far more than any latency. */
    private static final int SEND_TIMES = 512;

    private enum Mode {
        RELAY, LISTEN, WHISPER, BARGE;

        boolean supervised() {
            return this != RELAY;
        }

        boolean supervisorSends() {
            return this == WHISPER || this == BARGE;
        }
    }

    /** Which phone of a call; also the region of the payload where it writes its tick. */
    private enum Role {
        CALLER, AGENT, SUPERVISOR
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.RELAY;
        int first = 0;
        if (args.length > 0 && !args[0].chars().allMatch(Character::isDigit)) {
            mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
            first = 1;
        }
        int warmup = args.length > first ? Integer.parseInt(args[first]) : 5;
        int measure = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 20;
        int[] sizes = args.length > first + 2
                ? Arrays.stream(args, first + 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] { 250, 500, 1000, 1500 };
        System.out.printf("mode %s; warm-up %d s, measured %d s; %d cores; java %s%n",
                mode.name().toLowerCase(Locale.ROOT), warmup, measure, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| mode | calls | packets to the phones/s "
                + "| relayed: streams, loss | relayed: jitter mean / p99 / max (ms) "
                + "| relayed: latency mean / p99 / max (ms) "
                + "| mixed: streams, packets per 20 ms mean / min | mixed: jitter mean / p99 / max (ms) "
                + "| mixed: sources' frames missing | mixed: latency min / mean / p99 / max (ms) "
                + "| mixed: lowest latency per stream, min / median / max (ms) "
                + "| media server CPU (% of a core): receive + pacing | of which in the kernel: receive / pacing "
                + "| CPU per call (µs/s) | whole process CPU (% of a core) | heap per call (KiB) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int calls : sizes) {
            System.out.println(new Run(mode, calls).measure(warmup, measure));
            System.gc();
            Thread.sleep(1000);
        }
        System.out.println("media timeouts reported: " + MEDIA_TIMEOUTS.get());
    }

    /** One phone: its socket, the leg it sends to, what it sent and what it heard. */
    private static final class Phone {
        final DatagramChannel channel;
        final long ssrc;
        final Role role;
        final boolean sends;
        /** When it sent each tick (index: tick modulo {@link #SEND_TIMES}); written by the sender. */
        final AtomicLongArray sentAt = new AtomicLongArray(SEND_TIMES);
        int legPort;
        int sequence;
        /** The phones whose mix it hears; empty when it hears its bridge's relay. */
        List<Phone> mixSources = List.of();
        // receiver thread only
        long receivedInWindow;
        boolean transitKnown;
        long lastTransit;
        double jitter;
        /** Per mix source, the window's ticks of that source heard in the mix. */
        BitSet[] heardFromSources;
        /** The lowest latency through the mix of any of its sources' frames in the window. */
        long lowestMixLatency = Long.MAX_VALUE;

        Phone(DatagramChannel channel, long ssrc, Role role, boolean sends) {
            this.channel = channel;
            this.ssrc = ssrc;
            this.role = role;
            this.sends = sends;
        }

        boolean hearsMix() {
            return !mixSources.isEmpty();
        }
    }

    /** Latencies in 0.1 ms buckets up to 1 s. */
    private static final class LatencyHistogram {
        private final long[] buckets = new long[10_001];

        void add(long nanos) {
            buckets[(int) Math.max(0, Math.min(buckets.length - 1, nanos / 100_000))]++;
        }

        long count() {
            return Arrays.stream(buckets).sum();
        }

        double mean() {
            long count = 0;
            double sum = 0;
            for (int i = 0; i < buckets.length; i++) {
                count += buckets[i];
                sum += buckets[i] * (i + 0.5) * 0.1;
            }
            return count == 0 ? 0 : sum / count;
        }

        /** The upper bound of the bucket that holds the given fraction; 0 gives the lowest bucket's lower bound. */
        double percentile(double fraction) {
            long wanted = Math.max(1, (long) Math.ceil(count() * fraction));
            long seen = 0;
            for (int i = 0; i < buckets.length; i++) {
                seen += buckets[i];
                if (seen >= wanted && buckets[i] > 0) {
                    return fraction == 0 ? i * 0.1 : (i + 1) * 0.1;
                }
            }
            return 0;
        }
    }

    private static final class Run {
        private final Mode mode;
        private final int calls;
        private final List<Phone> phones = new ArrayList<>();
        private final LatencyHistogram relayedLatency = new LatencyHistogram();
        private final LatencyHistogram mixedLatency = new LatencyHistogram();
        private final AtomicLong currentTick = new AtomicLong();
        private final short[] decoded = new short[FRAME_BYTES];
        private volatile boolean sending = true;
        private volatile boolean receiving = true;
        private volatile long windowStart = Long.MAX_VALUE;
        private volatile long windowEnd = Long.MAX_VALUE;
        private volatile long windowStartNanos = Long.MAX_VALUE;
        private volatile long windowEndNanos = Long.MAX_VALUE;
        /** Just after the server's pacing thread started, i.e. within a fraction of a ms after its first tick. */
        private volatile long pacingOrigin;

        Run(Mode mode, int calls) {
            this.mode = mode;
            this.calls = calls;
        }

        String measure(int warmupSeconds, int measureSeconds) throws Exception {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            InetAddress loopback = InetAddress.getLoopbackAddress();
            List<Role> roles = mode.supervised() ? List.of(Role.values()) : List.of(Role.CALLER, Role.AGENT);
            for (int call = 0; call < calls; call++) {
                for (Role role : roles) {
                    DatagramChannel channel = DatagramChannel.open();
                    channel.bind(new InetSocketAddress(loopback, 0));
                    channel.configureBlocking(false);
                    phones.add(new Phone(channel, 0x10000L + phones.size(), role,
                            role != Role.SUPERVISOR || mode.supervisorSends()));
                }
            }
            long heapBefore = usedHeapAfterGc(memory);
            RtpMediaServer server = new RtpMediaServer(new MediaSettings(loopback, 20000, 29999,
                    Path.of("prompts"), Path.of("moh.wav"),
                    Duration.ofSeconds(MediaSettings.DEFAULT_MEDIA_TIMEOUT_SECONDS)));
            pacingOrigin = System.nanoTime();
            List<MediaLeg> legs = new ArrayList<>();
            for (int call = 0; call < calls; call++) {
                Phone caller = phones.get(roles.size() * call);
                Phone agent = phones.get(roles.size() * call + 1);
                RtpLeg callerLeg = (RtpLeg) server.answer("bench-" + call, "caller", sdp(caller));
                RtpLeg agentLeg = (RtpLeg) server.offer("bench-" + call, "agent");
                agentLeg.answered(sdp(agent));
                callerLeg.bridge(agentLeg);
                callerLeg.onMediaTimeout(MEDIA_TIMEOUTS::incrementAndGet);
                agentLeg.onMediaTimeout(MEDIA_TIMEOUTS::incrementAndGet);
                caller.legPort = callerLeg.localPort();
                agent.legPort = agentLeg.localPort();
                legs.add(callerLeg);
                legs.add(agentLeg);
                if (mode.supervised()) {
                    Phone supervisor = phones.get(roles.size() * call + 2);
                    RtpLeg supervisorLeg = (RtpLeg) server.offer("bench-" + call, "supervisor");
                    supervisorLeg.answered(sdp(supervisor));
                    supervisor.legPort = supervisorLeg.localPort();
                    legs.add(supervisorLeg);
                    supervisorLeg.hearMix(List.of(callerLeg, agentLeg));
                    supervisor.mixSources = List.of(caller, agent);
                    if (mode == Mode.WHISPER || mode == Mode.BARGE) {
                        agentLeg.hearMix(List.of(callerLeg, supervisorLeg));
                        agent.mixSources = List.of(caller, supervisor);
                    }
                    if (mode == Mode.BARGE) {
                        callerLeg.hearMix(List.of(agentLeg, supervisorLeg));
                        caller.mixSources = List.of(agent, supervisor);
                    }
                }
            }
            long heapPerCall = (usedHeapAfterGc(memory) - heapBefore) / calls;

            Thread receiver = new Thread(this::receive, "bench-phones-receive");
            Thread sender = new Thread(this::send, "bench-phones-send");
            receiver.start();
            sender.start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean();
            long[] receiveThread = threadIds("switchboard-media-receive");
            long[] pacingThread = threadIds("switchboard-media-pacing");
            long receiveCpuStart = cpu(threads, receiveThread);
            long pacingCpuStart = cpu(threads, pacingThread);
            long receiveUserStart = userCpu(threads, receiveThread);
            long pacingUserStart = userCpu(threads, pacingThread);
            long processCpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            windowStartNanos = wallStart;
            windowStart = currentTick.get() + 1;
            Thread.sleep(TimeUnit.SECONDS.toMillis(measureSeconds));
            windowEnd = currentTick.get() + 1;
            long wallEnd = System.nanoTime();
            windowEndNanos = wallEnd;
            long wall = wallEnd - wallStart;
            long receiveCpu = cpu(threads, receiveThread) - receiveCpuStart;
            long pacingCpu = cpu(threads, pacingThread) - pacingCpuStart;
            // user time has the kernel's tick granularity (10 ms), CPU time not: a few ms below 0 are possible
            long receiveKernel = Math.max(0, receiveCpu - (userCpu(threads, receiveThread) - receiveUserStart));
            long pacingKernel = Math.max(0, pacingCpu - (userCpu(threads, pacingThread) - pacingUserStart));
            long processCpu = os.getProcessCpuTime() - processCpuStart;

            Thread.sleep(500); // what is in flight arrives
            sending = false;
            sender.join();
            Thread.sleep(200);
            receiving = false;
            receiver.join();
            for (MediaLeg leg : legs) {
                leg.close();
            }
            server.close();
            for (Phone phone : phones) {
                phone.channel.close();
            }

            long ticks = windowEnd - windowStart;
            double seconds = wall / 1e9;
            List<Phone> relayed = phones.stream().filter(p -> !p.hearsMix() && p.role != Role.SUPERVISOR).toList();
            List<Phone> mixed = phones.stream().filter(Phone::hearsMix).toList();
            long received = phones.stream().mapToLong(p -> p.receivedInWindow).sum();
            long serverCpu = receiveCpu + pacingCpu;
            return String.format(Locale.ROOT,
                    "| %s | %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %.1f + %.1f = %.1f | %.1f / %.1f "
                            + "| %.1f | %.1f | %.1f |",
                    mode.name().toLowerCase(Locale.ROOT), calls, received / seconds,
                    relayedLoss(relayed, ticks), jitters(relayed), latencies(relayedLatency, false),
                    mixedPackets(mixed, wall), jitters(mixed), mixedLoss(mixed, ticks),
                    latencies(mixedLatency, true), lowestLatencies(mixed), 100.0 * receiveCpu / wall,
                    100.0 * pacingCpu / wall, 100.0 * serverCpu / wall, 100.0 * receiveKernel / wall,
                    100.0 * pacingKernel / wall, serverCpu / seconds / 1000.0 / calls, 100.0 * processCpu / wall,
                    heapPerCall / 1024.0);
        }

        private static String relayedLoss(List<Phone> relayed, long ticks) {
            if (relayed.isEmpty()) {
                return "0, –";
            }
            long expected = ticks * relayed.size();
            long received = relayed.stream().mapToLong(p -> p.receivedInWindow).sum();
            return String.format(Locale.ROOT, "%d, %.3f %%", relayed.size(), 100.0 * (expected - received) / expected);
        }

        private static String jitters(List<Phone> streams) {
            if (streams.isEmpty()) {
                return "–";
            }
            double[] jitters = streams.stream().mapToDouble(p -> p.jitter / 8.0).sorted().toArray();
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", Arrays.stream(jitters).average().orElse(0),
                    percentile(jitters, 0.99), jitters[jitters.length - 1]);
        }

        private static String latencies(LatencyHistogram histogram, boolean withMinimum) {
            if (histogram.count() == 0) {
                return "–";
            }
            String rest = String.format(Locale.ROOT, "%.2f / %.2f / %.2f", histogram.mean(),
                    histogram.percentile(0.99), histogram.percentile(1.0));
            return withMinimum ? String.format(Locale.ROOT, "%.1f / %s", histogram.percentile(0), rest) : rest;
        }

        /** Each mixed stream's lowest latency: how many frames wait in its sources' buffers for good. */
        private static String lowestLatencies(List<Phone> mixed) {
            double[] lowest = mixed.stream().filter(p -> p.lowestMixLatency != Long.MAX_VALUE)
                    .mapToDouble(p -> p.lowestMixLatency / 1e6).sorted().toArray();
            if (lowest.length == 0) {
                return "–";
            }
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", lowest[0], percentile(lowest, 0.5),
                    lowest[lowest.length - 1]);
        }

        private static String mixedPackets(List<Phone> mixed, long windowNanos) {
            if (mixed.isEmpty()) {
                return "0, –";
            }
            double frames = (double) windowNanos / TICK_NANOS;
            double[] perFrame = mixed.stream().mapToDouble(p -> p.receivedInWindow / frames).toArray();
            return String.format(Locale.ROOT, "%d, %.3f / %.3f", mixed.size(), Arrays.stream(perFrame).average()
                    .orElse(0), Arrays.stream(perFrame).min().orElse(0));
        }

        private static String mixedLoss(List<Phone> mixed, long ticks) {
            if (mixed.isEmpty()) {
                return "–";
            }
            long expected = 0;
            long heard = 0;
            for (Phone phone : mixed) {
                for (BitSet source : phone.heardFromSources) {
                    expected += ticks;
                    heard += source.cardinality();
                }
            }
            return String.format(Locale.ROOT, "%.3f %%", 100.0 * (expected - heard) / expected);
        }

        /**
         * Every 20 ms (absolute schedule, late ticks caught up), one packet from every sending phone to its leg; the
         * ticks fall halfway between the server's pacing ticks, so that a frame waits for the mix 10 ms on average,
         * as with phones whose clocks have a random phase, and the same in every run.
         */
        private void send() {
            ByteBuffer packet = ByteBuffer.allocate(RtpPacket.HEADER_LENGTH + FRAME_BYTES);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            List<Phone> senders = phones.stream().filter(p -> p.sends).toList();
            InetSocketAddress[] targets = new InetSocketAddress[senders.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = new InetSocketAddress(loopback, senders.get(i).legPort);
            }
            long start = pacingOrigin + ((System.nanoTime() - pacingOrigin) / TICK_NANOS + 1) * TICK_NANOS
                    + TICK_NANOS / 2;
            long tick = 0;
            while (sending) {
                long due = start + tick * TICK_NANOS;
                long now = System.nanoTime();
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                    continue;
                }
                currentTick.set(tick);
                for (int i = 0; i < targets.length; i++) {
                    Phone phone = senders.get(i);
                    long sentAt = System.nanoTime();
                    packet.clear();
                    packet.put((byte) 0x80).put((byte) 0).putShort((short) phone.sequence++)
                            .putInt((int) (tick * FRAME_BYTES)).putInt((int) phone.ssrc);
                    packet.putLong(tick).putLong(sentAt);
                    writeBody(packet, phone.role, tick);
                    packet.flip();
                    phone.sentAt.lazySet((int) (tick % SEND_TIMES), sentAt);
                    try {
                        phone.channel.send(packet, targets[i]);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                tick++;
            }
        }

        /** Silence, but for the phone's own region: a loud start, then the tick's bits, loud for a 1. */
        private static void writeBody(ByteBuffer packet, Role role, long tick) {
            for (int sample = STAMP_BYTES; sample < FRAME_BYTES; sample++) {
                packet.put(G711.ULAW_SILENCE);
            }
            int region = RtpPacket.HEADER_LENGTH + regionStart(role);
            packet.put(region, LOUD).put(region + 1, LOUD);
            for (int bit = 0; bit < TICK_BITS; bit++) {
                if ((tick >> bit & 1) != 0) {
                    packet.put(region + 2 + 2 * bit, LOUD).put(region + 3 + 2 * bit, LOUD);
                }
            }
        }

        private static int regionStart(Role role) {
            return STAMP_BYTES + role.ordinal() * REGION_SAMPLES;
        }

        /** What the phones hear: counted when in the window, jitter and latency of every packet. */
        private void receive() {
            for (Phone phone : phones) {
                if (phone.hearsMix()) {
                    phone.heardFromSources = new BitSet[phone.mixSources.size()];
                    Arrays.setAll(phone.heardFromSources, i -> new BitSet());
                }
            }
            try (Selector selector = Selector.open()) {
                for (Phone phone : phones) {
                    phone.channel.register(selector, SelectionKey.OP_READ, phone);
                }
                ByteBuffer buffer = ByteBuffer.allocate(2048);
                while (receiving) {
                    selector.select(100);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Phone phone = (Phone) key.attachment();
                        while (true) {
                            buffer.clear();
                            if (phone.channel.receive(buffer) == null) {
                                break;
                            }
                            long arrival = System.nanoTime();
                            if (phone.hearsMix()) {
                                heardMix(phone, buffer, arrival);
                            } else {
                                heard(phone, buffer, arrival);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void heard(Phone phone, ByteBuffer buffer, long arrival) {
            if (buffer.position() < RtpPacket.HEADER_LENGTH + STAMP_BYTES) {
                return;
            }
            long tick = buffer.getLong(RtpPacket.HEADER_LENGTH);
            long sentAt = buffer.getLong(RtpPacket.HEADER_LENGTH + 8);
            if (tick < windowStart || tick >= windowEnd) {
                return;
            }
            phone.receivedInWindow++;
            updateJitter(phone, buffer, arrival);
            relayedLatency.add(arrival - sentAt);
        }

        /** A mixed packet: counted and its jitter taken when it arrives in the window; each source's frame found. */
        private void heardMix(Phone phone, ByteBuffer buffer, long arrival) {
            if (buffer.position() != RtpPacket.HEADER_LENGTH + FRAME_BYTES) {
                return;
            }
            if (arrival >= windowStartNanos && arrival < windowEndNanos) {
                phone.receivedInWindow++;
                updateJitter(phone, buffer, arrival);
            }
            for (int i = 0; i < FRAME_BYTES; i++) {
                decoded[i] = G711.ulawToLinear(buffer.get(RtpPacket.HEADER_LENGTH + i));
            }
            long now = currentTick.get();
            for (int s = 0; s < phone.mixSources.size(); s++) {
                Phone source = phone.mixSources.get(s);
                int region = regionStart(source.role);
                if (!loud(region) || !loud(region + 1)) {
                    continue; // that source had no frame in this mix
                }
                int bits = 0;
                for (int bit = 0; bit < TICK_BITS; bit++) {
                    if (loud(region + 2 + 2 * bit) && loud(region + 3 + 2 * bit)) {
                        bits |= 1 << bit;
                    }
                }
                long tick = now - ((now - bits) & 0xFFFF);
                if (tick < windowStart || tick >= windowEnd) {
                    continue;
                }
                phone.heardFromSources[s].set((int) (tick - windowStart));
                long latency = arrival - source.sentAt.get((int) (tick % SEND_TIMES));
                mixedLatency.add(latency);
                phone.lowestMixLatency = Math.min(phone.lowestMixLatency, latency);
            }
        }

        private boolean loud(int sample) {
            return decoded[sample] > LOUD_THRESHOLD;
        }

        private static void updateJitter(Phone phone, ByteBuffer buffer, long arrival) {
            long timestamp = buffer.getInt(4) & 0xFFFFFFFFL;
            long transit = arrival / 125_000 - timestamp;
            if (phone.transitKnown) {
                phone.jitter += (Math.abs(transit - phone.lastTransit) - phone.jitter) / 16.0;
            }
            phone.lastTransit = transit;
            phone.transitKnown = true;
        }
    }

    private static String sdp(Phone phone) throws IOException {
        int port = ((InetSocketAddress) phone.channel.getLocalAddress()).getPort();
        return "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\n";
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long[] threadIds(String... names) {
        List<String> wanted = List.of(names);
        return Thread.getAllStackTraces().keySet().stream().filter(t -> wanted.contains(t.getName()))
                .mapToLong(Thread::getId).toArray();
    }

    private static long cpu(ThreadMXBean threads, long[] ids) {
        long total = 0;
        for (long id : ids) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    private static long userCpu(ThreadMXBean threads, long[] ids) {
        long total = 0;
        for (long id : ids) {
            total += Math.max(0, threads.getThreadUserTime(id));
        }
        return total;
    }

    private static double percentile(double[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * fraction) - 1)];
    }
}
