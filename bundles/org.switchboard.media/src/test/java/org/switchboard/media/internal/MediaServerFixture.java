package org.switchboard.media.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;

/** A media server on 127.0.0.1 with its prompts in a temporary folder; closed after each test. */
final class MediaServerFixture extends ExternalResource {
    private final TemporaryFolder folder;
    private RtpMediaServer server;

    MediaServerFixture(TemporaryFolder folder) {
        this.folder = folder;
    }

    @Override
    protected void before() throws IOException {
        server = new RtpMediaServer(settings(40000, 40999));
    }

    MediaSettings settings(int portMin, int portMax) {
        Path root = folder.getRoot().toPath();
        return new MediaSettings(InetAddress.getLoopbackAddress(), portMin, portMax, root.resolve("prompts"),
                root.resolve("moh.wav"), Duration.ofSeconds(MediaSettings.DEFAULT_MEDIA_TIMEOUT_SECONDS));
    }

    RtpMediaServer server() {
        return server;
    }

    Path prompts() throws IOException {
        return java.nio.file.Files.createDirectories(folder.getRoot().toPath().resolve("prompts"));
    }

    @Override
    protected void after() {
        server.close();
    }
}
