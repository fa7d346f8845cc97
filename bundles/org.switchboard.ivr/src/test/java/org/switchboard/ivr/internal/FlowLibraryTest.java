package org.switchboard.ivr.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FlowLibraryTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path directory;
    private FlowLibrary library;
    /** Each write gets a later time stamp, so a change is seen even within the file system's clock tick. */
    private long fileTime = 1_700_000_000_000L;

    @Before
    public void createLibrary() throws IOException {
        directory = folder.newFolder("ivr").toPath();
        library = new FlowLibrary(directory, new FlowReader());
    }

    private void write(String fileName, String... lines) throws IOException {
        Path file = directory.resolve(fileName);
        Files.writeString(file, String.join("\n", lines) + "\n");
        fileTime += 1000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(fileTime));
    }

    private static String[] flowAnswering(String number, String prompt) {
        return new String[] { "numbers: [\"" + number + "\"]", "start: hello", "nodes:",
                "  hello: {type: play, prompts: [" + prompt + "], next: bye}", "  bye: {type: hangup}" };
    }

    private String promptOf(String flowName) {
        Step.Play hello = (Step.Play) library.current().flow(flowName).orElseThrow().node("hello");
        return hello.prompts().get(0);
    }

    @Test
    public void flowsAreLoadedByFileNameWithTheirNumbers() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        write("survey.yaml", "save: true", "start: bye", "nodes:", "  bye: {type: hangup}");
        write("notes.txt", "not a flow");

        assertTrue(library.refresh());

        assertEquals(Set.of("main", "survey"), library.current().flows().keySet());
        assertEquals(Optional.of("main"), library.current().flowForNumber("4008"));
        assertEquals(Optional.empty(), library.current().flowForNumber("4000"));
        assertEquals(List.of(), library.current().problems());
    }

    @Test
    public void nothingIsReadAgainWhileNoFileChanges() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();
        Flow before = library.current().flow("main").orElseThrow();

        assertFalse(library.refresh());
        assertSame(before, library.current().flow("main").orElseThrow());
    }

    @Test
    public void aBadChangeKeepsThePreviousFlowAndReportsWhy() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();

        write("main.yaml", "numbers: [\"4008\"]", "start: hello", "nodes:", "  hello: {type: plaay}");
        assertTrue(library.refresh());

        assertEquals("welcome", promptOf("main"));
        assertEquals(Optional.of("main"), library.current().flowForNumber("4008"));
        assertEquals(List.of("main.yaml:4: unknown node type 'plaay' of node 'hello' (known: play, menu, collect, "
                + "set, hours, blacklist, queue, hangup)"), library.current().problems());
    }

    @Test
    public void aFixedFileReplacesTheFlowAndClearsItsProblems() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();
        write("main.yaml", "start: nowhere", "nodes:", "  bye: {type: hangup}");
        library.refresh();

        write("main.yaml", flowAnswering("4009", "menu"));
        library.refresh();

        assertEquals("menu", promptOf("main"));
        assertEquals(Optional.of("main"), library.current().flowForNumber("4009"));
        assertEquals("the number the new version dropped", Optional.empty(),
                library.current().flowForNumber("4008"));
        assertEquals(List.of(), library.current().problems());
    }

    @Test
    public void aFlowInUseIsNotChangedByAReload() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();
        Flow running = library.current().flow("main").orElseThrow();

        write("main.yaml", flowAnswering("4008", "menu"));
        library.refresh();

        assertEquals("welcome", ((Step.Play) running.node("hello")).prompts().get(0));
        assertEquals("menu", promptOf("main"));
    }

    @Test
    public void aDeletedFileTakesItsFlowAway() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();

        Files.delete(directory.resolve("main.yaml"));
        assertTrue(library.refresh());

        assertEquals(Set.of(), library.current().flows().keySet());
        assertEquals(Optional.empty(), library.current().flowForNumber("4008"));
    }

    @Test
    public void aNewFileWithABadFlowIsReportedAndNotLoaded() throws IOException {
        write("main.yaml", "start: bye", "nodes:", "  bye: {type: hangup, after: 3}");
        library.refresh();

        assertEquals(Set.of(), library.current().flows().keySet());
        assertEquals(1, library.current().problems().size());
        assertTrue(library.current().problems().get(0).startsWith("main.yaml:3: unknown field 'after'"));
    }

    @Test
    public void aNumberAnsweredByAnotherFlowStaysWithIt() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();

        write("another.yaml", "start: bye", "numbers:", "  - \"4100\"", "  - \"4008\"", "nodes:",
                "  bye: {type: hangup}");
        library.refresh();

        assertEquals(Optional.of("main"), library.current().flowForNumber("4008"));
        assertEquals(Optional.empty(), library.current().flowForNumber("4100"));
        assertEquals(Set.of("main"), library.current().flows().keySet());
        assertEquals(List.of("another.yaml:4: number 4008 is already answered by flow 'main' (main.yaml)"),
                library.current().problems());
    }

    @Test
    public void aNumberReleasedByOneFlowGoesToTheFlowThatWaitedForIt() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();
        write("another.yaml", flowAnswering("4008", "menu"));
        library.refresh();

        write("main.yaml", flowAnswering("4009", "welcome"));
        library.refresh();

        assertEquals(Optional.of("another"), library.current().flowForNumber("4008"));
        assertEquals(Optional.of("main"), library.current().flowForNumber("4009"));
        assertEquals(List.of(), library.current().problems());
    }

    @Test
    public void aMissingFolderIsReportedAndLoadsNothing() {
        FlowLibrary missing = new FlowLibrary(directory.resolve("nowhere"), new FlowReader());

        missing.refresh();

        assertEquals(Set.of(), missing.current().flows().keySet());
        assertEquals(1, missing.current().problems().size());
        assertTrue(missing.current().problems().get(0).endsWith("the folder does not exist"));
    }

    @Test
    public void aCheckReportsProblemsWithoutLoadingTheFile() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();
        Path candidate = folder.newFile("candidate.yaml").toPath();
        Files.writeString(candidate, String.join("\n", "numbers: [\"4008\"]", "start: bye", "nodes:",
                "  bye: {type: hangup}", "  h: {type: hours, timezone: Mars/Olympus, open: {}, then: bye, closed: bye}"));

        List<String> problems = library.check(candidate);

        assertEquals(List.of("candidate.yaml:1: number 4008 is already answered by flow 'main' (main.yaml)",
                "candidate.yaml:5: bad time zone 'Mars/Olympus': use a region id such as Europe/Berlin or "
                        + "Asia/Shanghai"), problems);
        assertEquals(Set.of("main"), library.current().flows().keySet());
    }

    @Test
    public void aCheckOfAGoodFileFindsNothing() throws IOException {
        write("main.yaml", flowAnswering("4008", "welcome"));
        library.refresh();

        assertEquals("a flow may keep its own numbers", List.of(), library.check(directory.resolve("main.yaml")));
    }
}
