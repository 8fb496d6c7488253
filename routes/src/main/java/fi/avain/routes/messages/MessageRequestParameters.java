package fi.avain.routes.messages;

import static fi.avain.routes.web.QueryParameters.badParameter;

import fi.avain.routes.web.QueryParameters;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Turns the message API's query parameters into values, or a 400 problem naming the parameter. */
final class MessageRequestParameters {
    private MessageRequestParameters() {
    }

    static MessageFilter filter(String flow, String status, String from, String to, String key) {
        Instant fromTime = QueryParameters.instant("from", from);
        Instant toTime = QueryParameters.instant("to", to);
        QueryParameters.range(fromTime, toTime);
        return new MessageFilter(QueryParameters.text(flow), status(status), fromTime, toTime,
                QueryParameters.text(key));
    }

    static UUID id(String id) {
        UUID value = QueryParameters.uuid("id", id);
        if (value == null) {
            throw badParameter("id", "id must be a UUID");
        }
        return value;
    }

    private static MessageStatus status(String status) {
        String value = QueryParameters.text(status);
        if (value == null) {
            return null;
        }
        try {
            return MessageStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badParameter("status", "status must be one of RECEIVED, PROCESSED, DUPLICATE, ERROR");
        }
    }
}
