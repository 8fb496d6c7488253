package fi.avain.connectors;

import java.net.URI;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** What every HTTP connector's settings have in common. */
public interface HttpSettings {
    URI baseUrl();

    Duration connectTimeout();

    Duration readTimeout();

    int maxRetries();

    Duration retryBackoff();

    DataSize maxResponseBytes();
}
