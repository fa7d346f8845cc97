package org.switchboard.ivr.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.ivr.CallFlowFiles.LoadedFlow;

public class CallFlowServiceTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final CallFlowService service = new CallFlowService();
    private Path directory;

    @Before
    public void activateOnAFolderWithOneFlow() throws IOException {
        directory = folder.newFolder("ivr").toPath();
        Files.writeString(directory.resolve("main.yaml"), String.join("\n", "numbers: [\"4008\"]", "start: q",
                "nodes:", "  q: {type: queue, queue: support}"));
        Files.writeString(directory.resolve("broken.yaml"), "start: [\n");
        service.activate(Map.of("flowDirectory", directory.toString(), "pollSeconds", "60"));
    }

    @After
    public void deactivate() {
        service.deactivate();
    }

    @Test
    public void theFlowsOfTheFolderAreServedFromTheStart() {
        assertEquals(Optional.of("main"), service.flowForNumber("4008"));
        assertEquals(Set.of("main"), service.flowNames());
        assertEquals(List.of(new LoadedFlow("main", List.of("4008"), directory.resolve("main.yaml").toString())),
                service.flows());
        assertEquals(1, service.loadProblems().size());
        assertEquals("broken.yaml:", service.loadProblems().get(0).substring(0, "broken.yaml:".length()));
    }

    @Test
    public void aFileIsCheckedByItsNameInTheFolder() {
        assertEquals(List.of(), service.check("main.yaml"));
        assertEquals(1, service.check("broken.yaml").size());
    }

    @Test
    public void aBadConfigurationChangeKeepsThePreviousSettings() {
        service.modified(Map.of("flowDirectory", folder.getRoot().toString(), "pollSeconds", "0"));

        assertEquals(directory.toString(), service.directory());
        assertEquals(Optional.of("main"), service.flowForNumber("4008"));
    }

    @Test
    public void aNewFolderIsReadAtOnce() throws IOException {
        Path other = folder.newFolder("other").toPath();

        service.modified(Map.of("flowDirectory", other.toString()));

        assertEquals(other.toString(), service.directory());
        assertEquals(Optional.empty(), service.flowForNumber("4008"));
    }

    @Test
    public void runningAFlowThatDoesNotExistIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> service.run("nope", new RecordingCall("100")));
    }
}
