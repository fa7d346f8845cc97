package org.switchboard.ivr.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

public class FlowReaderTest {

    /** The nodes that precede the line under test in most cases below: lines 1-4. */
    private static final String[] HEAD = { "numbers: [\"4008\"]", "start: welcome", "nodes:",
            "  welcome: {type: play, prompts: [welcome], next: bye}" };

    private static FlowProblem onlyProblem(String... lines) {
        FlowReader.Result result = TestFlows.read("main", lines);
        assertTrue("the flow must not load", result.flow().isEmpty());
        assertEquals(result.problems().toString(), 1, result.problems().size());
        return result.problems().get(0);
    }

    private static String[] withHead(String... rest) {
        String[] all = new String[HEAD.length + rest.length];
        System.arraycopy(HEAD, 0, all, 0, HEAD.length);
        System.arraycopy(rest, 0, all, HEAD.length, rest.length);
        return all;
    }

    private static void assertProblem(FlowProblem problem, int line, String reasonPart) {
        assertEquals(problem.toString(), "main.yaml", problem.file());
        assertEquals(problem.toString(), line, problem.line());
        assertTrue(problem.toString(), problem.reason().contains(reasonPart));
    }

    @Test
    public void aFlowWithEveryNodeTypeLoadsWithItsSettings() {
        Flow flow = TestFlows.flow("main",
                "numbers: [\"4008\", 4009]",
                "start: hours",
                "nodes:",
                "  hours: {type: hours, timezone: Asia/Shanghai, open: {mon-fri: \"08:00-12:00, 13:00-18:00\", "
                        + "sat: [\"09:00-12:00\"]}, holidays: [\"2026-10-01\"], then: bl, closed: bye}",
                "  bl: {type: blacklist, numbers: [\"+4930666\", \"0900*\"], status: 403, next: welcome}",
                "  welcome: {type: play, prompts: welcome, next: region}",
                "  region: {type: menu, prompts: [region-menu], variable: region, timeout: 4, retries: 1,",
                "           invalid: [invalid], choices: {\"1\": {value: north, next: acct}, \"2\": acct}}",
                "  acct: {type: collect, prompts: [enter-account], variable: account, min: 4, max: 8, "
                        + "terminator: \"#\", next: vip}",
                "  vip: {type: set, variables: {service: gold}, next: q}",
                "  q: {type: queue, queue: support, priority: 5, variables: {line: hotline}, announceSeconds: 30}",
                "  bye: {type: hangup}");

        assertEquals(List.of("4008", "4009"), flow.numbers());
        assertEquals("hours", flow.start());
        Step.Hours hours = (Step.Hours) flow.node("hours");
        assertEquals(ZoneId.of("Asia/Shanghai"), hours.zone());
        assertEquals(2, hours.open().days().get(java.time.DayOfWeek.MONDAY).size());
        assertEquals(1, hours.holidays().size());
        Step.Blacklist blacklist = (Step.Blacklist) flow.node("bl");
        assertEquals(403, blacklist.sipStatus());
        assertEquals(Step.BlacklistAction.REJECT, blacklist.action());
        assertTrue(blacklist.blocks("09001234"));
        assertFalse(blacklist.blocks("+49306660"));
        Step.Menu menu = (Step.Menu) flow.node("region");
        assertEquals(new Step.Choice("north", "acct"), menu.choices().get('1'));
        assertEquals("the short form's value is the key", new Step.Choice("2", "acct"), menu.choices().get('2'));
        assertEquals(Duration.ofSeconds(4), menu.timeout());
        assertEquals(Optional.of("region"), menu.variable());
        Step.Collect collect = (Step.Collect) flow.node("acct");
        assertEquals(Optional.of('#'), collect.terminator());
        assertEquals(2, collect.retries());
        assertEquals(Map.of("service", "gold"), ((Step.SetVariables) flow.node("vip")).variables());
        Step.Queue queue = (Step.Queue) flow.node("q");
        assertEquals("support", queue.queue());
        assertEquals(5, queue.priority());
        assertEquals(Duration.ofSeconds(30), queue.announceEvery());
        assertFalse(flow.saveVariables());
    }

    @Test
    public void theShippedFlowsLoad() throws IOException {
        FlowReader reader = new FlowReader();
        for (String name : List.of("main.yaml", "survey.yaml")) {
            Path file = Path.of("../../etc/ivr", name);
            FlowReader.Result result = reader.read(name, Files.readString(file, StandardCharsets.UTF_8));
            assertEquals(name, List.of(), result.problems());
        }
    }

    @Test
    public void anUnknownNodeTypeIsReportedAtItsLine() {
        assertProblem(onlyProblem(withHead("  bye: {type: hangupp}")), 5, "unknown node type 'hangupp'");
    }

    @Test
    public void aMissingRequiredFieldIsReportedAtTheNode() {
        assertProblem(onlyProblem(withHead("  bye: {type: hangup}", "  other: {type: play, prompts: [x]}")), 6,
                "missing the required field 'next'");
    }

    @Test
    public void aMissingStartIsReported() {
        assertProblem(onlyProblem("nodes:", "  bye: {type: hangup}"), 1, "missing the required field 'start'");
    }

    @Test
    public void aValueOfTheWrongKindIsReportedAtTheValue() {
        FlowProblem problem = onlyProblem(withHead("  bye: {type: hangup}",
                "  m: {type: menu, prompts: [menu], choices: {\"1\": bye},",
                "      timeout: soon}"));
        assertProblem(problem, 7, "'timeout' must be a whole number, was 'soon'");
    }

    @Test
    public void aNumberOutsideItsLimitsIsReported() {
        assertProblem(onlyProblem(withHead("  bye: {type: hangup}",
                "  m: {type: menu, prompts: [menu], choices: {\"1\": bye}, retries: 12}")), 6,
                "'retries' must be 0..9, was 12");
    }

    @Test
    public void anUnknownFieldIsReported() {
        assertProblem(onlyProblem(withHead("  bye: {type: hangup, prompts: [goodbye]}")), 5,
                "unknown field 'prompts'");
    }

    @Test
    public void aBranchToAnUnknownNodeIsReportedWhereItIsNamed() {
        assertProblem(onlyProblem(withHead("  byee: {type: hangup}")), 4, "branch to unknown node 'bye'");
    }

    @Test
    public void aNodeNoBranchLeadsToIsUnreachable() {
        assertProblem(onlyProblem(withHead("  bye: {type: hangup}", "  lost: {type: hangup}")), 6,
                "node 'lost' is unreachable");
    }

    @Test
    public void aLoopWithoutMenuOrCollectIsReported() {
        FlowProblem problem = onlyProblem("start: a", "nodes:",
                "  a: {type: set, variables: {x: y}, next: b}",
                "  b: {type: play, prompts: [welcome], next: a}");
        assertProblem(problem, 3, "nodes a -> b -> a loop without a menu or collect");
    }

    @Test
    public void aLoopThroughAMenuIsAllowed() {
        TestFlows.flow("main", "start: m", "nodes:",
                "  m: {type: menu, prompts: [menu], choices: {\"1\": again, \"2\": bye}}",
                "  again: {type: play, prompts: [welcome], next: m}",
                "  bye: {type: hangup}");
    }

    @Test
    public void aBadTimeZoneIsReported() {
        assertProblem(onlyProblem(withHead("  bye: {type: hangup}",
                "  h: {type: hours, timezone: Europe/Berln, open: {mon: \"08:00-18:00\"}, then: bye, closed: bye}")), 6, "bad time zone 'Europe/Berln'");
    }

    @Test
    public void aTimeRangeThatEndsBeforeItStartsIsReported() {
        assertProblem(onlyProblem(hoursWith("open: {mon: \"18:00-08:00\"}")), 3, "bad time range '18:00-08:00'");
    }

    @Test
    public void aMalformedTimeRangeIsReported() {
        assertProblem(onlyProblem(hoursWith("open: {mon: \"8-18\"}")), 3, "bad time range '8-18'");
    }

    @Test
    public void anImpossibleTimeIsReported() {
        assertProblem(onlyProblem(hoursWith("open: {mon: \"08:00-24:30\"}")), 3, "bad time range '08:00-24:30'");
    }

    @Test
    public void aBadDayIsReported() {
        assertProblem(onlyProblem(hoursWith("open: {monday: \"08:00-18:00\"}")), 3, "bad day 'monday'");
    }

    @Test
    public void aDayGivenTwiceIsReported() {
        assertProblem(onlyProblem(hoursWith("open: {mon-fri: \"08:00-18:00\", fri: \"08:00-12:00\"}")), 3,
                "fri is given twice");
    }

    @Test
    public void aBadDateIsReportedAtItsLine() {
        FlowProblem problem = onlyProblem("start: h", "nodes:",
                "  h: {type: hours, timezone: UTC, open: {daily: \"00:00-24:00\"}, then: bye, closed: bye,",
                "      holidays: [\"2026-12-25\",",
                "                 \"2026-02-30\"]}",
                "  bye: {type: hangup}");
        assertProblem(problem, 5, "bad date '2026-02-30'");
    }

    @Test
    public void aNumberListedTwiceInOneFileIsReported() {
        assertProblem(onlyProblem("numbers:", "  - \"4008\"", "  - \"4008\"", "start: bye", "nodes:",
                "  bye: {type: hangup}"), 3, "number 4008 is listed twice");
    }

    @Test
    public void aKeyGivenTwiceIsReported() {
        assertProblem(onlyProblem("start: bye", "start: bye", "nodes:", "  bye: {type: hangup}"), 2,
                "'start' is given twice");
    }

    @Test
    public void aNodeDefinedTwiceIsReported() {
        assertProblem(onlyProblem("start: bye", "nodes:", "  bye: {type: hangup}", "  bye: {type: hangup}"), 4,
                "node 'bye' is defined twice");
    }

    @Test
    public void aBlacklistMessageNeedsPrompts() {
        assertProblem(onlyProblem("start: bl", "nodes:",
                "  bl: {type: blacklist, numbers: [\"0900*\"], action: message, next: bye}",
                "  bye: {type: hangup}"), 3, "with action message needs 'prompts'");
    }

    @Test
    public void aBlacklistActionOutsideTheAllowedValuesIsReported() {
        assertProblem(onlyProblem("start: bl", "nodes:",
                "  bl: {type: blacklist, numbers: [\"0900*\"], action: drop, next: bye}",
                "  bye: {type: hangup}"), 3, "'action' must be one of reject, message, was 'drop'");
    }

    @Test
    public void aCollectWithMinAboveMaxIsReported() {
        assertProblem(onlyProblem("start: c", "nodes:",
                "  c: {type: collect, prompts: [enter-account], variable: account,",
                "      min: 6, max: 4, next: bye}",
                "  bye: {type: hangup}"), 4, "'min' (6) is greater than 'max' (4)");
    }

    @Test
    public void aVariableInTheReservedNamespaceIsReported() {
        assertProblem(onlyProblem("start: s", "nodes:",
                "  s: {type: set, variables: {ivr.path: x}, next: bye}",
                "  bye: {type: hangup}"), 3, "variables starting with 'ivr.' are set by the server");
    }

    @Test
    public void brokenYamlIsReportedAtTheLineOfTheError() {
        FlowProblem problem = onlyProblem("start: bye", "nodes:", "  bye: {type: hangup", "  x: 1");
        assertTrue(problem.toString(), problem.reason().startsWith("not valid YAML"));
        assertTrue(problem.toString(), problem.line() >= 3);
    }

    @Test
    public void anEmptyFileIsReported() {
        assertProblem(onlyProblem(""), 1, "the file is empty");
    }

    @Test
    public void everyProblemOfAFileIsReportedAtOnce() {
        FlowReader.Result result = TestFlows.read("main", "start: a", "nodes:",
                "  a: {type: playy, next: b}",
                "  b: {type: menu, prompts: [menu], choices: {\"12\": a}, timeout: 0}");
        assertEquals(result.problems().toString(), 3, result.problems().size());
        assertEquals(List.of(3, 4, 4), result.problems().stream().map(FlowProblem::line).toList());
    }

    private static String[] hoursWith(String open) {
        return new String[] { "start: h", "nodes:",
                "  h: {type: hours, timezone: UTC, " + open + ", then: bye, closed: bye}",
                "  bye: {type: hangup}" };
    }
}
