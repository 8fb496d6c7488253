package fi.avain.routes.messages;

import fi.avain.routes.web.Problems;
import fi.avain.routes.web.QueryParameters;
import fi.avain.routes.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the message store: search, masked read, replay. */
@RestController
@RequestMapping("/api/v1/messages")
class MessageController {
    private static final List<String> BULK_FILTERS = List.of("flow", "status", "from", "to", "key");
    private static final List<String> SEARCH_PARAMETERS = List.of("flow", "status", "from", "to", "key", "page", "size");
    private final MessageStore store;
    private final MessageSearchQueries search;
    private final MessageReplay replay;

    MessageController(MessageStore store, MessageSearchQueries search, MessageReplay replay) {
        this.store = store;
        this.search = search;
        this.replay = replay;
    }

    @GetMapping
    MessagePage search(@RequestParam(required = false) String flow, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String key, @RequestParam(required = false) String page,
                       @RequestParam(required = false) String size, HttpServletRequest request) {
        // A mistyped or empty filter would show every message as if it were the matching ones.
        refuseOtherParameters(request, SEARCH_PARAMETERS);
        MessageFilter filter = MessageRequestParameters.filter(flow, status, from, to, key);
        int pageNumber = QueryParameters.page(page);
        int pageSize = QueryParameters.size(size);
        MessageSearchQueries.Found found = search.search(filter, pageNumber, pageSize);
        return new MessagePage(found.items().stream().map(MessageSummary::masked).toList(), pageNumber, pageSize,
                found.totalItems());
    }

    @GetMapping("/{id}")
    MessageView read(@PathVariable String id) {
        UUID messageId = MessageRequestParameters.id(id);
        try {
            return MessageView.masked(store.read(messageId, OperatorName.current()));
        } catch (UnknownMessageException e) {
            throw MessageProblems.unknownMessage(messageId);
        }
    }

    @PostMapping("/{id}/replay")
    ReplayResult replay(@PathVariable String id) {
        UUID messageId = MessageRequestParameters.id(id);
        try {
            return replay.replay(messageId, OperatorName.current());
        } catch (UnknownMessageException e) {
            throw MessageProblems.unknownMessage(messageId);
        } catch (NoReplayerException e) {
            throw MessageProblems.noReplayer(e);
        }
    }

    /**
     * Replays up to 1000 matching messages, oldest first; status defaults to ERROR. A mistyped filter
     * would widen the replay to every match of the others, and one sent as a body to all errors:
     * both are refused.
     */
    @PostMapping("/replay")
    BulkReplayResult replayAll(@RequestParam(required = false) String flow,
                               @RequestParam(required = false, defaultValue = "ERROR") String status,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String key, HttpServletRequest request) {
        if (RequestBodies.present(request)) {
            throw Problems.badRequest("Unexpected body", "A bulk replay takes its filters in the query string"
                    + " and no body.");
        }
        // A mistyped filter, or an unset variable in a script, would widen the replay to every other match.
        refuseOtherParameters(request, BULK_FILTERS);
        MessageFilter filter = MessageRequestParameters.filter(flow, status, from, to, key);
        try {
            return replay.replayAll(filter, OperatorName.current());
        } catch (NoReplayerException e) {
            throw MessageProblems.noReplayer(e);
        }
    }

    /** Only the named parameters, each once and not empty. */
    private static void refuseOtherParameters(HttpServletRequest request, List<String> allowed) {
        request.getParameterMap().forEach((name, values) -> {
            if (!allowed.contains(name)) {
                throw QueryParameters.badParameter(name, "unknown parameter " + name + "; the parameters are "
                        + String.join(", ", allowed));
            }
            if (values.length > 1) {
                throw QueryParameters.badParameter(name, name + " is given more than once");
            }
            if (Arrays.stream(values).anyMatch(String::isBlank)) {
                throw QueryParameters.badParameter(name, name + " must not be empty; leave it out to match any");
            }
        });
    }
}
