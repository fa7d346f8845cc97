package org.switchboard.ivr.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** One node of a call flow, as validated from its file. Immutable. */
sealed interface Step {

    /** The node's id in its flow. */
    String id();

    /** The ids of the nodes this one can lead to. */
    List<String> branches();

    /** Whether the node waits for the caller to press keys (which is what keeps a loop from spinning). */
    default boolean waitsForCaller() {
        return false;
    }

    /** Plays prompts, then goes on. */
    record Play(String id, List<String> prompts, String next) implements Step {
        public Play {
            prompts = List.copyOf(prompts);
        }

        @Override
        public List<String> branches() {
            return List.of(next);
        }
    }

    /**
     * A voice menu: one key chooses a branch. A wrong key or no key within {@code timeout} (after the prompts)
     * is a failed attempt; after {@code retries} more attempts the flow goes to {@code otherwise}, or hangs up.
     */
    record Menu(String id, List<String> prompts, Map<Character, Choice> choices, Duration timeout, int retries,
            List<String> invalid, Optional<String> variable, Optional<String> otherwise) implements Step {
        public Menu {
            prompts = List.copyOf(prompts);
            choices = Map.copyOf(choices);
            invalid = List.copyOf(invalid);
        }

        @Override
        public List<String> branches() {
            return Stream.concat(choices.values().stream().map(Choice::next), otherwise.stream()).distinct().toList();
        }

        @Override
        public boolean waitsForCaller() {
            return true;
        }
    }

    /** What a menu key means: the value its variable gets, and where the flow goes. */
    record Choice(String value, String next) {
    }

    /**
     * Collects {@code min..max} digits into a variable. Input ends with the terminator, at {@code max} digits,
     * or when no key comes within {@code timeout}; too few digits are a failed attempt, as in a menu.
     */
    record Collect(String id, List<String> prompts, String variable, int min, int max,
            Optional<Character> terminator, Duration timeout, int retries, List<String> invalid, String next,
            Optional<String> otherwise) implements Step {
        public Collect {
            prompts = List.copyOf(prompts);
            invalid = List.copyOf(invalid);
        }

        @Override
        public List<String> branches() {
            return Stream.concat(Stream.of(next), otherwise.stream()).distinct().toList();
        }

        @Override
        public boolean waitsForCaller() {
            return true;
        }
    }

    /** Sets variables to fixed values. */
    record SetVariables(String id, Map<String, String> variables, String next) implements Step {
        public SetVariables {
            variables = Map.copyOf(variables);
        }

        @Override
        public List<String> branches() {
            return List.of(next);
        }
    }

    /** Goes to {@code then} during business hours (in {@code zone}), to {@code closed} otherwise. */
    record Hours(String id, ZoneId zone, WeeklyHours open, Set<LocalDate> holidays, String then, String closed)
            implements Step {
        public Hours {
            holidays = Set.copyOf(holidays);
        }

        @Override
        public List<String> branches() {
            return List.of(then, closed).stream().distinct().toList();
        }
    }

    /**
     * Callers whose number matches one of {@code numbers} are rejected with {@code sipStatus} (before the call
     * is answered) or, with {@code message} prompts, answered, told and hung up on; others go to {@code next}.
     */
    record Blacklist(String id, List<AniPattern> numbers, BlacklistAction action, int sipStatus,
            List<String> message, String next) implements Step {
        public Blacklist {
            numbers = List.copyOf(numbers);
            message = List.copyOf(message);
        }

        @Override
        public List<String> branches() {
            return List.of(next);
        }

        boolean blocks(String ani) {
            return numbers.stream().anyMatch(pattern -> pattern.matches(ani));
        }
    }

    enum BlacklistAction {
        REJECT, MESSAGE
    }

    /**
     * Hands the call to a queue with the variables gathered plus {@code variables}; while it waits, music on
     * hold, and its position and estimated wait every {@code announceEvery} (zero: never).
     */
    /**
     * Hands the call to a queue; while it waits, announcements every {@code announceEvery} (zero: none), and with
     * a {@code callbackKey} the offer to be called back keeping the caller's place.
     */
    record Queue(String id, String queue, int priority, Map<String, String> variables, Duration announceEvery,
            Optional<Character> callbackKey) implements Step {
        public Queue {
            variables = Map.copyOf(variables);
        }

        @Override
        public List<String> branches() {
            return List.of();
        }
    }

    /** Ends the call. */
    record HangUp(String id) implements Step {
        @Override
        public List<String> branches() {
            return List.of();
        }
    }
}
