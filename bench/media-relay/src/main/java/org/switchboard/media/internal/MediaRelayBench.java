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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.switchboard.api.media.MediaLeg;

/**
 * Load of the media relay: N bridged calls in one process. Each call is two legs of a {@link RtpMediaServer}
 * (built directly, no OSGi) and two UDP sockets on 127.0.0.1 as the caller's and the agent's phones, which both
 * send a 20 ms PCMU packet every 20 ms (one sender thread for all, on an absolute schedule) and receive what the
 * other one sent, relayed by the server (one receiver thread, a selector over all the phones' sockets).
 * <p>
 * Each payload carries the sender's tick number and {@link System#nanoTime()}, untouched by the relay (both legs
 * PCMU): loss is counted per stream against the ticks sent in the measured window, latency is arrival minus
 * sending time (same clock), jitter is RFC 3550's estimator over the relayed RTP timestamps. CPU is the thread
 * CPU time of the server's two threads (receive loop, pacing), and of the whole process (which includes the
 * load generator); heap per call is the heap in use after a full GC with the calls set up, minus before.
 * <p>
 * Usage: {@code java -jar media-relay-bench.jar [warmupSeconds measureSeconds N...]}, default {@code 5 20 250 500
 * 1000 1500}. Prints one Markdown table row per N.
 */
public final class MediaRelayBench {
    private static final int FRAME_BYTES = Codec.FRAME_SAMPLES;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] sizes = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] { 250, 500, 1000, 1500 };
        System.out.printf("warm-up %d s, measured %d s; %d cores; java %s%n", warmup, measure,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| calls | packets relayed/s | loss | jitter mean / p99 / max (ms) "
                + "| latency mean / p99 / max (ms) | media server CPU (% of a core) | CPU per call (µs/s) "
                + "| whole process CPU (% of a core) | heap per call (KiB) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int calls : sizes) {
            System.out.println(new Run(calls).measure(warmup, measure));
            System.gc();
            Thread.sleep(1000);
        }
    }

    /** One phone: its socket, the leg it sends to, what it sent and what it heard. */
    private static final class Phone {
        final DatagramChannel channel;
        final long ssrc;
        int legPort;
        int sequence;
        Phone peer;
        // receiver thread only
        long receivedInWindow;
        boolean transitKnown;
        long lastTransit;
        double jitter;

        Phone(DatagramChannel channel, long ssrc) {
            this.channel = channel;
            this.ssrc = ssrc;
        }
    }

    private static final class Run {
        private final int calls;
        private final List<Phone> phones = new ArrayList<>();
        private final long[] latencyHistogram = new long[10_001]; // 0.1 ms buckets up to 1 s
        private volatile boolean sending = true;
        private volatile boolean receiving = true;
        private volatile long windowStart = Long.MAX_VALUE;
        private volatile long windowEnd = Long.MAX_VALUE;

        Run(int calls) {
            this.calls = calls;
        }

        String measure(int warmupSeconds, int measureSeconds) throws Exception {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int i = 0; i < 2 * calls; i++) {
                DatagramChannel channel = DatagramChannel.open();
                channel.bind(new InetSocketAddress(loopback, 0));
                channel.configureBlocking(false);
                phones.add(new Phone(channel, 0x10000L + i));
            }
            long heapBefore = usedHeapAfterGc(memory);
            RtpMediaServer server = new RtpMediaServer(new MediaSettings(loopback, 20000, 29999,
                    Path.of("prompts"), Path.of("moh.wav")));
            List<MediaLeg> legs = new ArrayList<>();
            for (int call = 0; call < calls; call++) {
                Phone caller = phones.get(2 * call);
                Phone agent = phones.get(2 * call + 1);
                caller.peer = agent;
                agent.peer = caller;
                RtpLeg callerLeg = (RtpLeg) server.answer("bench-" + call, "caller", sdp(caller));
                RtpLeg agentLeg = (RtpLeg) server.offer("bench-" + call, "agent");
                agentLeg.answered(sdp(agent));
                callerLeg.bridge(agentLeg);
                caller.legPort = callerLeg.localPort();
                agent.legPort = agentLeg.localPort();
                legs.add(callerLeg);
                legs.add(agentLeg);
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
            long[] serverThreads = threadIds("switchboard-media-receive", "switchboard-media-pacing");
            long serverCpuStart = cpu(threads, serverThreads);
            long processCpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            windowStart = currentTick.get() + 1;
            Thread.sleep(TimeUnit.SECONDS.toMillis(measureSeconds));
            windowEnd = currentTick.get() + 1;
            long wall = System.nanoTime() - wallStart;
            long serverCpu = cpu(threads, serverThreads) - serverCpuStart;
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
            long expected = ticks * phones.size();
            long received = phones.stream().mapToLong(p -> p.receivedInWindow).sum();
            double[] jitters = phones.stream().mapToDouble(p -> p.jitter / 8.0).sorted().toArray();
            double serverCore = 100.0 * serverCpu / wall;
            return String.format(Locale.ROOT,
                    "| %d | %.0f | %.3f %% | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %.1f | %.1f | %.1f | %.1f |",
                    calls, received / (wall / 1e9), 100.0 * (expected - received) / expected,
                    Arrays.stream(jitters).average().orElse(0), percentile(jitters, 0.99),
                    jitters[jitters.length - 1], meanLatency(), latencyPercentile(0.99), latencyPercentile(1.0),
                    serverCore, serverCpu / (wall / 1e9) / 1000.0 / calls, 100.0 * processCpu / wall,
                    heapPerCall / 1024.0);
        }

        private final java.util.concurrent.atomic.AtomicLong currentTick = new java.util.concurrent.atomic.AtomicLong();

        /** Every 20 ms (absolute schedule, late ticks caught up), one packet from every phone to its leg. */
        private void send() {
            ByteBuffer packet = ByteBuffer.allocate(RtpPacket.HEADER_LENGTH + FRAME_BYTES);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            InetSocketAddress[] targets = new InetSocketAddress[phones.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = new InetSocketAddress(loopback, phones.get(i).legPort);
            }
            long start = System.nanoTime();
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
                    Phone phone = phones.get(i);
                    packet.clear();
                    packet.put((byte) 0x80).put((byte) 0).putShort((short) phone.sequence++)
                            .putInt((int) (tick * FRAME_BYTES)).putInt((int) phone.ssrc);
                    packet.putLong(tick).putLong(System.nanoTime());
                    packet.position(RtpPacket.HEADER_LENGTH + FRAME_BYTES).flip();
                    try {
                        phone.channel.send(packet, targets[i]);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                tick++;
            }
        }

        /** What the phones hear: counted when sent in the window, jitter and latency of every packet. */
        private void receive() {
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
                            heard(phone, buffer, arrival);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void heard(Phone phone, ByteBuffer buffer, long arrival) {
            if (buffer.position() < RtpPacket.HEADER_LENGTH + 16) {
                return;
            }
            long timestamp = buffer.getInt(4) & 0xFFFFFFFFL;
            long tick = buffer.getLong(RtpPacket.HEADER_LENGTH);
            long sentAt = buffer.getLong(RtpPacket.HEADER_LENGTH + 8);
            if (tick < windowStart || tick >= windowEnd) {
                return;
            }
            phone.receivedInWindow++;
            long transit = arrival / 125_000 - timestamp;
            if (phone.transitKnown) {
                phone.jitter += (Math.abs(transit - phone.lastTransit) - phone.jitter) / 16.0;
            }
            phone.lastTransit = transit;
            phone.transitKnown = true;
            int bucket = (int) Math.min(latencyHistogram.length - 1, (arrival - sentAt) / 100_000);
            latencyHistogram[bucket]++;
        }

        private double meanLatency() {
            long count = 0;
            double sum = 0;
            for (int i = 0; i < latencyHistogram.length; i++) {
                count += latencyHistogram[i];
                sum += latencyHistogram[i] * (i + 0.5) * 0.1;
            }
            return count == 0 ? 0 : sum / count;
        }

        private double latencyPercentile(double fraction) {
            long count = Arrays.stream(latencyHistogram).sum();
            long wanted = (long) Math.ceil(count * fraction);
            long seen = 0;
            for (int i = 0; i < latencyHistogram.length; i++) {
                seen += latencyHistogram[i];
                if (seen >= wanted && latencyHistogram[i] > 0) {
                    return (i + 1) * 0.1;
                }
            }
            return 0;
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

    private static double percentile(double[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * fraction) - 1)];
    }
}
