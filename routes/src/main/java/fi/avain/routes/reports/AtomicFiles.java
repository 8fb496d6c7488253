package fi.avain.routes.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Report files are written beside their place under a temporary name and moved into it, so a reader (the
 * API, a person's browser) sees the old file or the new one, never half of one.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static Path temp(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    static void commit(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the report file into " + target, e);
        }
    }

    static void write(Path target, String text) {
        Path temp = temp(target);
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            commit(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover temporary file is named as one and is replaced by the next run's
        }
    }
}
