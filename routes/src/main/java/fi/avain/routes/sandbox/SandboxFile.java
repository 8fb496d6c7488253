package fi.avain.routes.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code data/sandbox.json}: what a running sandbox tells its users and the jobs started beside it. */
final class SandboxFile {
    static final String FILE = "sandbox.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxFile() {
    }

    static Optional<JsonNode> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The sandbox.json of a server that answers its health check, if one runs. */
    static Optional<JsonNode> ofRunningServer(Path dataDir) {
        return read(dataDir).filter(json -> answers(json.path("baseUrl").asText("")));
    }

    private static boolean answers(String baseUrl) {
        if (baseUrl.isEmpty()) {
            return false;
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            client.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void write(Path dataDir, JsonNode content) {
        try {
            Files.createDirectories(dataDir);
            Path temp = dataDir.resolve(FILE + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), content);
            Files.move(temp, dataDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + dataDir.resolve(FILE), e);
        }
    }

    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove a stale " + dataDir.resolve(FILE), e);
        }
    }
}
