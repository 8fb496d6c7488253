package fi.avain.connectors;

import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * One connection pool and request configuration per connector, with its own timeouts: Camel's
 * http component keeps timeouts per component, and a connector's must not depend on another's or
 * on a library default.
 */
public final class HttpConnections {
    private static final int MAX_CONNECTIONS = 32;

    private HttpConnections() {
    }

    public static PoolingHttpClientConnectionManager pool(HttpSettings settings) {
        ConnectionConfig config = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .setSocketTimeout(Timeout.of(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .build();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(config)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
    }

    public static HttpClientConfigurer requests(HttpSettings settings) {
        RequestConfig config = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .build();
        return builder -> builder.setDefaultRequestConfig(config).disableAutomaticRetries();
    }
}
