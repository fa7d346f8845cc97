package org.switchboard.ivr.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.ivr.IvrCall;
import org.switchboard.api.media.MediaLeg;

/**
 * One call going through one flow. Every step runs on the call's {@link CallStrand}; callbacks (keys, the end of
 * a prompt, timeouts) carry the generation they were started in and are dropped when the flow has moved on
 * since.
 */
final class FlowRun {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRun.class);
    static final String FLOW_VARIABLE = "ivr.flow";
    static final String PATH_VARIABLE = "ivr.path";
    static final int MAX_PATH_CHARS = 256;
    /** "To be called back without losing your place, press", then the key. */
    static final String CALLBACK_OFFER = "callback-offer";
    /** "We will call you back at this number. Goodbye." */
    static final String CALLBACK_CONFIRMED = "callback-confirmed";
    private static final int MAX_PATH_NODES = 64;

    private final Flow flow;
    private final IvrCall call;
    private final FlowTimers timers;
    private final Clock clock;
    private final CallStrand strand;
    /** Told once, when the flow first speaks to the caller (answering the call if it was not answered yet). */
    private final Runnable onAnswered;

    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Deque<String> path = new ArrayDeque<>();
    private boolean pathClipped;
    private MediaLeg leg;
    private String node;
    private Input input;
    private FlowTimers.Timer timer;
    private int generation;
    private boolean over;
    private boolean saved;

    FlowRun(Flow flow, IvrCall call, FlowTimers timers, Clock clock, Runnable onAnswered) {
        this.onAnswered = onAnswered;
        this.flow = flow;
        this.call = call;
        this.timers = timers;
        this.clock = clock;
        this.strand = new CallStrand(timers, this::failed);
    }

    /** Starts the flow; returns at once. */
    void start() {
        strand.execute(() -> {
            call.onEnded(() -> strand.execute(this::callerLeft));
            enter(flow.start());
        });
    }

    private void enter(String id) {
        if (over) {
            return;
        }
        Step step = flow.node(id);
        node = id;
        visited(id);
        input = null;
        nextGeneration();
        if (step instanceof Step.Play play) {
            play(play.prompts(), () -> enter(play.next()));
        } else if (step instanceof Step.Menu menu) {
            input = new MenuInput(menu);
            input.prompt(List.of());
        } else if (step instanceof Step.Collect collect) {
            input = new CollectInput(collect);
            input.prompt(List.of());
        } else if (step instanceof Step.SetVariables set) {
            variables.putAll(set.variables());
            enter(set.next());
        } else if (step instanceof Step.Hours hours) {
            enter(isOpen(hours) ? hours.then() : hours.closed());
        } else if (step instanceof Step.Blacklist blacklist) {
            screen(blacklist);
        } else if (step instanceof Step.Queue queue) {
            queue(queue);
        } else if (step instanceof Step.HangUp) {
            hangUp();
        }
    }

    private boolean isOpen(Step.Hours hours) {
        ZonedDateTime now = clock.instant().atZone(hours.zone());
        return !hours.holidays().contains(now.toLocalDate())
                && hours.open().isOpen(now.getDayOfWeek(), now.toLocalTime());
    }

    private void screen(Step.Blacklist blacklist) {
        if (!blacklist.blocks(call.ani())) {
            enter(blacklist.next());
            return;
        }
        LOG.info("call {}: caller {} is blacklisted (flow {}, node {})", call.callId(), call.ani(), flow.name(),
                blacklist.id());
        if (blacklist.action() == Step.BlacklistAction.MESSAGE) {
            play(blacklist.message(), this::hangUp);
        } else if (leg == null) {
            end();
            call.reject(blacklist.sipStatus(), blacklist.sipStatus() == 403 ? "Forbidden" : "Decline");
        } else {
            hangUp();
        }
    }

    private void queue(Step.Queue queue) {
        MediaLeg media = leg();
        Map<String, String> handed = new LinkedHashMap<>(variables);
        handed.putAll(queue.variables());
        handed.put(FLOW_VARIABLE, flow.name());
        handed.put(PATH_VARIABLE, pathText());
        save();
        // music first: once the call is queued an agent may answer at once, and the bridge stops the music
        media.playMusicOnHold();
        call.enqueue(queue.queue(), queue.priority(), handed);
        queue.callbackKey().ifPresent(key -> input = new CallbackInput(key));
        if (!queue.announceEvery().isZero()) {
            startTimer(queue.announceEvery(), () -> announce(queue));
        } else if (queue.callbackKey().isEmpty()) {
            end();
        }
    }

    private void announce(Step.Queue queue) {
        Optional<IvrCall.QueuePlace> place = call.queuePlace();
        if (place.isEmpty()) {
            end();
            return;
        }
        List<String> prompts = new ArrayList<>(announcement(place.get()));
        queue.callbackKey().ifPresent(key -> prompts.addAll(List.of(CALLBACK_OFFER, "digits/" + key)));
        play(prompts, () -> {
            if (call.queuePlace().isEmpty()) {
                end();
                return;
            }
            leg().playMusicOnHold();
            startTimer(queue.announceEvery(), () -> announce(queue));
        });
    }

    /** "position 3, estimated wait 2 minutes", in prompts; the wait is in whole minutes, rounded up, at least 1. */
    static List<String> announcement(IvrCall.QueuePlace place) {
        List<String> prompts = new ArrayList<>(List.of("position"));
        prompts.addAll(digits(Math.max(1, place.position())));
        prompts.add("estimated-wait");
        long seconds = Math.max(0, place.estimatedWait().getSeconds());
        prompts.addAll(digits(Math.max(1, (seconds + 59) / 60)));
        prompts.add("minutes");
        return prompts;
    }

    private static List<String> digits(long number) {
        return String.valueOf(number).chars().mapToObj(c -> "digits/" + (char) c).toList();
    }

    private void hangUp() {
        save();
        end();
        call.hangUp();
    }

    /** The flow is over for this call: nothing it started earlier may act any more. */
    private void end() {
        over = true;
        input = null;
        nextGeneration();
    }

    private void callerLeft() {
        save();
        end();
    }

    private void save() {
        if (flow.saveVariables() && !saved) {
            saved = true;
            if (!variables.isEmpty()) {
                call.saveVariables(Map.copyOf(variables));
            }
        }
    }

    private void failed(RuntimeException e) {
        LOG.error("call {}: flow {} failed at node {}; hanging up", call.callId(), flow.name(), node, e);
        if (over) {
            return;
        }
        end();
        try {
            save();
            call.hangUp();
        } catch (RuntimeException again) {
            LOG.warn("call {}: hanging up after the failure failed too", call.callId(), again);
        }
    }

    private MediaLeg leg() {
        if (leg == null) {
            leg = call.answer();
            leg.onDtmf(key -> strand.execute(() -> pressed(key)));
            try {
                onAnswered.run();
            } catch (RuntimeException e) {
                LOG.warn("call {}: telling that flow {} answered failed: {}", call.callId(), flow.name(), e.toString());
            }
        }
        return leg;
    }

    private void pressed(char key) {
        if (!over && input != null) {
            input.pressed(key);
        }
    }

    /** Plays prompts, then runs {@code then} on the strand, unless the flow has moved on meanwhile. */
    private void play(List<String> prompts, Runnable then) {
        int started = generation;
        leg().play(prompts).finished().whenComplete((complete, error) -> strand.execute(() -> {
            if (started == generation && !over) {
                then.run();
            }
        }));
    }

    private void startTimer(Duration delay, Runnable task) {
        nextGeneration();
        int started = generation;
        timer = timers.schedule(delay, () -> strand.execute(() -> {
            if (started == generation && !over) {
                task.run();
            }
        }));
    }

    private void nextGeneration() {
        generation++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void visited(String id) {
        path.addLast(id);
        if (path.size() > MAX_PATH_NODES) {
            path.removeFirst();
            pathClipped = true;
        }
    }

    /** The nodes visited, comma-joined; when too long, the latest ones after "...". */
    private String pathText() {
        String text = (pathClipped ? "...," : "") + String.join(",", path);
        if (text.length() <= MAX_PATH_CHARS) {
            return text;
        }
        String tail = text.substring(text.length() - (MAX_PATH_CHARS - 4));
        int comma = tail.indexOf(',');
        return "...," + (comma >= 0 ? tail.substring(comma + 1) : tail);
    }

    /** A node waiting for keys. */
    private interface Input {
        void prompt(List<String> before);

        void pressed(char key);
    }

    private final class MenuInput implements Input {
        private final Step.Menu menu;
        private int failures;

        MenuInput(Step.Menu menu) {
            this.menu = menu;
        }

        @Override
        public void prompt(List<String> before) {
            nextGeneration();
            play(concat(before, menu.prompts()), () -> startTimer(menu.timeout(), () -> failed(List.of())));
        }

        @Override
        public void pressed(char key) {
            Step.Choice choice = menu.choices().get(key);
            if (choice == null) {
                failed(menu.invalid());
                return;
            }
            leg().stopPlaying();
            menu.variable().ifPresent(name -> variables.put(name, choice.value()));
            enter(choice.next());
        }

        private void failed(List<String> before) {
            if (++failures > menu.retries()) {
                noValidInput(menu.id(), menu.otherwise());
            } else {
                prompt(before);
            }
        }
    }

    /** While the call waits in a queue: the key that asks for a callback. */
    private final class CallbackInput implements Input {
        private final char key;

        CallbackInput(char key) {
            this.key = key;
        }

        @Override
        public void prompt(List<String> before) {
        }

        @Override
        public void pressed(char pressed) {
            if (pressed != key || call.queuePlace().isEmpty()) {
                return;
            }
            if (call.requestCallback(List.of(CALLBACK_CONFIRMED))) {
                LOG.info("call {}: the caller chose a callback in flow {}", call.callId(), flow.name());
                end();
            }
        }
    }

    private final class CollectInput implements Input {
        private final Step.Collect collect;
        private final StringBuilder digits = new StringBuilder();
        private int failures;

        CollectInput(Step.Collect collect) {
            this.collect = collect;
        }

        @Override
        public void prompt(List<String> before) {
            digits.setLength(0);
            nextGeneration();
            play(concat(before, collect.prompts()), () -> startTimer(collect.timeout(), this::complete));
        }

        @Override
        public void pressed(char key) {
            if (collect.terminator().filter(t -> t == key).isPresent()) {
                complete();
                return;
            }
            if (key < '0' || key > '9') {
                return;
            }
            if (digits.length() == 0) {
                leg().stopPlaying();
            }
            digits.append(key);
            if (digits.length() >= collect.max()) {
                complete();
            } else {
                startTimer(collect.timeout(), this::complete);
            }
        }

        private void complete() {
            if (digits.length() >= collect.min()) {
                variables.put(collect.variable(), digits.toString());
                enter(collect.next());
                return;
            }
            List<String> before = digits.length() == 0 ? List.of() : collect.invalid();
            if (++failures > collect.retries()) {
                noValidInput(collect.id(), collect.otherwise());
            } else {
                prompt(before);
            }
        }
    }

    private void noValidInput(String id, Optional<String> otherwise) {
        if (otherwise.isPresent()) {
            enter(otherwise.get());
        } else {
            LOG.info("call {}: no valid input at node {} of flow {}; hanging up", call.callId(), id, flow.name());
            hangUp();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
