package fi.avain.routes.fhir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs a notification to a subscriber. The reasons it gives for a failure name what went wrong, never the
 * endpoint or a header, so they can be stored, shown and logged. The connection goes only to addresses
 * {@link EndpointAddresses#permitted} gives for the endpoint's host at that moment.
 */
final class NotificationSender {
    static final String CONTENT_TYPE = "application/fhir+json; charset=UTF-8";
    /** Ends a delivery still waiting at its deadline, whatever the subscriber is doing. */
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private final CloseableHttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    NotificationSender(Duration connectTimeout, Duration requestTimeout, EndpointAddresses addresses) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        DnsResolver resolver = new DnsResolver() {
            /** The first address judged only: one connection attempt, as the deadline allows for. */
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return new InetAddress[] {addresses.permitted(host)[0]};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        // HTTP/1.1 only, no redirects, no retries: a delivery is one POST, and the dispatcher decides on retries.
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(requestTimeout))
                                // A kept connection the subscriber may have closed is checked before it is used again.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(16)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(requestTimeout)).build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** A deadline met goes at once, with the request and its credential headers it holds. */
    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "subscription-delivery-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Null when the subscriber took the notification (2xx); otherwise why not. */
    String send(SubscriptionChannel channel, String json) {
        HttpPost post;
        try {
            post = new HttpPost(channel.endpoint());
            post.setEntity(new StringEntity(json, ContentType.parse(CONTENT_TYPE)));
            for (String line : channel.headers()) {
                String[] header = SubscriptionChannel.split(line);
                post.addHeader(header[0], header[1]);
            }
        } catch (IllegalArgumentException e) {
            return "the HTTP client refused the request's endpoint or headers";
        }
        ScheduledFuture<?> deadline = DEADLINES.schedule(post::cancel, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = http.executeOpen(null, post, null);
            int status = response.getCode();
            HttpEntity entity = response.getEntity();
            if (entity == null || entity.getContentLength() == 0) {
                // Nothing to read: the connection can take the subscriber's next notification.
                EntityUtils.consume(entity);
            } else {
                // A body is never read: dropping the connection bounds a subscriber that streams without end.
                post.cancel();
            }
            closeQuietly(response);
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (EndpointAddresses.Refused e) {
            return "not sent: the endpoint's " + EndpointAddresses.REFUSAL;
        } catch (UnknownHostException e) {
            return "the endpoint's host does not resolve";
        } catch (ConnectTimeoutException e) {
            return "could not connect within " + connectTimeout.toMillis() + " ms";
        } catch (ConnectException e) {
            return "connection refused";
        } catch (SocketTimeoutException e) {
            return "no answer within " + requestTimeout.toMillis() + " ms";
        } catch (IOException e) {
            return post.isCancelled() ? "no answer within " + requestTimeout.toMillis() + " ms"
                    : "I/O error (" + e.getClass().getSimpleName() + ")";
        } catch (RuntimeException e) {
            // The client's state checks throw when the deadline cancels it at some points (a connection
            // being opened, a pooled one being waited for): a failed delivery all the same, never an escape.
            return post.isCancelled() ? "no answer within " + requestTimeout.toMillis() + " ms"
                    : "the HTTP client failed (" + e.getClass().getSimpleName() + ")";
        } finally {
            deadline.cancel(false);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // The connection was dropped on purpose; there is nothing left to close cleanly.
        }
    }
}
