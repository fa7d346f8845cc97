package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;

/**
 * The media server as an OSGi service, configured by {@code etc/org.switchboard.media.cfg}. A change applies to
 * the legs opened after it; calls in progress keep going. An invalid change is logged with its key and reason and
 * the previous settings stay in force.
 */
@Component(service = MediaServer.class, configurationPid = MediaSettings.PID, immediate = true)
@Designate(ocd = MediaServerComponent.Config.class)
public class MediaServerComponent implements MediaServer {
    private static final Logger LOG = LoggerFactory.getLogger(MediaServerComponent.class);

    @ObjectClassDefinition(name = "Switchboard media server",
            description = "RTP endpoints of the calls: prompts, music on hold, DTMF and the relay between legs")
    @interface Config {
        @AttributeDefinition(description = "IP address the server puts in its SDP and binds its RTP sockets to")
        String address() default "127.0.0.1";

        @AttributeDefinition(description = "Lowest RTP port (even ports only are used)", min = "1024", max = "65535")
        int rtpPortMin() default 20000;

        @AttributeDefinition(description = "Highest RTP port", min = "1024", max = "65535")
        int rtpPortMax() default 29999;

        @AttributeDefinition(description = "Folder of the prompts: name 'digits/4' plays digits/4.wav")
        String promptDirectory() default MediaSettings.DEFAULT_PROMPT_DIRECTORY;

        @AttributeDefinition(description = "WAV file that music on hold loops")
        String musicOnHold() default MediaSettings.DEFAULT_MUSIC_ON_HOLD;

        @AttributeDefinition(description = "Seconds without RTP from a party in a call (not on hold) after which the"
                + " server hangs that party up; 0 is off", min = "0", max = "86400")
        int mediaTimeoutSeconds() default MediaSettings.DEFAULT_MEDIA_TIMEOUT_SECONDS;
    }

    private volatile RtpMediaServer server;

    @Activate
    void activate(Map<String, Object> properties) throws IOException {
        MediaSettings settings;
        try {
            settings = MediaSettings.from(properties);
        } catch (IllegalArgumentException e) {
            settings = MediaSettings.defaults();
            LOG.error("configuration {}: {}; the media server uses the default settings until this is corrected",
                    MediaSettings.PID, e.getMessage());
        }
        server = new RtpMediaServer(settings);
        announce(settings);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        MediaSettings next;
        try {
            next = MediaSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} rejected, {}: the media server keeps its previous settings ({})",
                    MediaSettings.PID, e.getMessage(), describe(server.settings()));
            return;
        }
        if (!next.equals(server.settings())) {
            server.reconfigure(next);
            announce(next);
        }
    }

    @Deactivate
    void deactivate() {
        server.close();
    }

    private static void announce(MediaSettings settings) {
        LOG.info("media server: {}; new calls use these settings", describe(settings));
        if (!Files.isDirectory(settings.promptDirectory())) {
            LOG.warn("media server: promptDirectory {} is not a folder; no prompt can be played",
                    settings.promptDirectory().toAbsolutePath());
        }
        if (!Files.isRegularFile(settings.musicOnHold())) {
            LOG.warn("media server: musicOnHold {} is not a file; music on hold is silence",
                    settings.musicOnHold().toAbsolutePath());
        }
    }

    private static String describe(MediaSettings settings) {
        return "RTP on " + settings.address().getHostAddress() + " ports " + settings.rtpPortMin() + ".."
                + settings.rtpPortMax() + ", prompts in " + settings.promptDirectory().toAbsolutePath()
                + ", music on hold " + settings.musicOnHold().toAbsolutePath() + ", media timeout "
                + (settings.mediaTimeout().isZero() ? "off" : settings.mediaTimeout().toSeconds() + " s");
    }

    @Override
    public MediaLeg answer(String callId, String legName, String offer) throws MediaException {
        return server.answer(callId, legName, offer);
    }

    @Override
    public MediaLeg offer(String callId, String legName) throws MediaException {
        return server.offer(callId, legName);
    }

    @Override
    public boolean hasPrompt(String name) {
        return server.hasPrompt(name);
    }

    @Override
    public List<MediaLeg> legsOf(String callId) {
        return server.legsOf(callId);
    }

    @Override
    public int openLegs() {
        return server.openLegs();
    }
}
