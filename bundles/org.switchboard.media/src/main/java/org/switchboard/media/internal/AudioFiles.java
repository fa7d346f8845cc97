package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio files decoded once into 16-bit samples and kept, per path; read again when the file's size or time of
 * modification changed (an operator replaced a prompt). A file that cannot be played is logged once per version
 * of the file. The sample arrays handed out are shared and never written. Thread-safe.
 */
final class AudioFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AudioFiles.class);
    /** About 70 minutes of 16-bit audio; larger files are refused rather than read into memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private record Loaded(FileTime modified, long size, short[] samples) {
    }

    private final ConcurrentMap<Path, Loaded> files = new ConcurrentHashMap<>();

    /** The samples of the file, or empty when it does not exist or cannot be played (then logged once). */
    Optional<short[]> samples(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            files.remove(file);
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        Loaded cached = files.get(file);
        if (cached != null && cached.modified().equals(attributes.lastModifiedTime())
                && cached.size() == attributes.size()) {
            return Optional.ofNullable(cached.samples());
        }
        short[] samples = null;
        try {
            if (attributes.size() > MAX_FILE_BYTES) {
                throw new UnplayableAudioException(file + ": " + attributes.size() + " bytes, more than the "
                        + MAX_FILE_BYTES + " a prompt may have");
            }
            samples = WavReader.read(file.toString(), Files.readAllBytes(file));
        } catch (UnplayableAudioException e) {
            LOG.error("audio file cannot be played and is skipped: {}", e.getMessage());
        } catch (IOException e) {
            LOG.error("audio file {} cannot be read and is skipped: {}", file, e.toString());
        }
        files.put(file, new Loaded(attributes.lastModifiedTime(), attributes.size(), samples));
        return Optional.ofNullable(samples);
    }
}
