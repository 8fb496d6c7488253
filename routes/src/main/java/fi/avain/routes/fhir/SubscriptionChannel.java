package fi.avain.routes.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how notifications go: an absolute http(s) endpoint and up to five header lines
 * ({@code Name: value}) sent with each. Header values are the subscriber's credentials: they are kept
 * and sent, never shown in errors, logs or {@link #toString()}.
 */
public record SubscriptionChannel(URI endpoint, List<String> headers) {
    public static final int MAX_HEADERS = 5;
    static final String ENDPOINT = "Subscription.channel.endpoint";
    static final String HEADER = "Subscription.channel.header";
    private static final int MAX_ENDPOINT_LENGTH = 2000;
    private static final int MAX_HEADER_LENGTH = 4096;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    // Content-Type is ours to set; the rest frame the request, and java.net.http refuses most of them.
    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "host", "connection",
            "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive");

    public SubscriptionChannel {
        headers = List.copyOf(headers);
    }

    /**
     * Checks what a subscriber asked for; {@code requireHttps} (production) refuses plain http unless the
     * endpoint is on loopback.
     */
    public static SubscriptionChannel of(String endpoint, List<String> headers, boolean requireHttps) {
        return new SubscriptionChannel(endpoint(endpoint, requireHttps), headers(headers));
    }

    static URI endpoint(String text, boolean requireHttps) {
        if (text == null || text.isBlank()) {
            throw new InvalidSubscriptionException(ENDPOINT, "required: the absolute http(s) URL to notify");
        }
        if (text.length() > MAX_ENDPOINT_LENGTH) {
            throw new InvalidSubscriptionException(ENDPOINT, "longer than " + MAX_ENDPOINT_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidSubscriptionException(ENDPOINT, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidSubscriptionException(ENDPOINT, "must be an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSubscriptionException(ENDPOINT, "must not carry credentials; send them in "
                    + "Subscription.channel.header");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidSubscriptionException(ENDPOINT, "must not have a fragment");
        }
        if (requireHttps && !scheme.equals("https") && !loopback(uri.getHost())) {
            throw new InvalidSubscriptionException(ENDPOINT, "must use https (plain http only to loopback)");
        }
        return uri;
    }

    static List<String> headers(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        if (lines.size() > MAX_HEADERS) {
            throw new InvalidSubscriptionException(HEADER, "at most " + MAX_HEADERS + " headers");
        }
        for (int i = 0; i < lines.size(); i++) {
            String element = HEADER + "[" + i + "]";
            String line = lines.get(i);
            if (line == null || line.length() > MAX_HEADER_LENGTH) {
                throw new InvalidSubscriptionException(element, "a header is 'Name: value', at most "
                        + MAX_HEADER_LENGTH + " characters");
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon).strip();
            if (colon < 0 || !TOKEN.matcher(name).matches()) {
                throw new InvalidSubscriptionException(element, "a header is 'Name: value' with a valid HTTP field name");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidSubscriptionException(element, "the header " + name + " is set by the server");
            }
            String value = line.substring(colon + 1).strip();
            // HTTP carries a field value as bytes of ISO-8859-1 at most: a character beyond could only go mangled.
            if (value.isEmpty() || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f || c > 0xff)) {
                throw new InvalidSubscriptionException(element, "the value of " + name
                        + " is empty or has control characters or characters beyond ISO-8859-1");
            }
        }
        return lines.stream().map(String::strip).toList();
    }

    /** The header's name and value, split at the first colon; lines were checked when the channel was made. */
    static String[] split(String line) {
        int colon = line.indexOf(':');
        return new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()};
    }

    /** The header lines with their values hidden, for showing a subscription back. */
    List<String> maskedHeaders() {
        return headers.stream().map(h -> split(h)[0] + ": ***").toList();
    }

    // Literal loopback only: resolving the name here would let DNS decide what "local" means.
    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public String toString() {
        return "SubscriptionChannel[endpoint=" + endpoint.getScheme() + "://" + endpoint.getHost() + "/…, headers="
                + maskedHeaders() + "]";
    }
}
