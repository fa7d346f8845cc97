package org.switchboard.media.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The prompts under one folder, by name: {@code "welcome"} is {@code welcome.wav}, {@code "digits/4"} is
 * {@code digits/4.wav}. Names that would leave the folder ({@code ..}, absolute paths) are unknown.
 */
final class PromptLibrary {
    private final Path directory;
    private final AudioFiles files;

    PromptLibrary(Path directory, AudioFiles files) {
        this.directory = directory.toAbsolutePath().normalize();
        this.files = files;
    }

    Optional<short[]> prompt(String name) {
        return file(name).flatMap(files::samples);
    }

    Optional<Path> file(String name) {
        if (name == null || name.isBlank() || name.contains("\\") || name.startsWith("/")) {
            return Optional.empty();
        }
        try {
            Path file = directory.resolve(name + ".wav").normalize();
            return file.startsWith(directory) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    Path directory() {
        return directory;
    }
}
