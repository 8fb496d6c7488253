package fi.avain.routes.messages;

import fi.avain.routes.web.QueryParameters;
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
                       @RequestParam(required = false) String size) {
        MessageFilter filter = MessageRequestParameters.filter(flow, status, from, to, key);
        int pageNumber = QueryParameters.page(page);
        int pageSize = QueryParameters.size(size);
        MessageSearchQueries.Found found = search.search(filter, pageNumber, pageSize);
        return new MessagePage(found.items(), pageNumber, pageSize, found.totalItems());
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

    /** Replays up to 1000 matching messages, oldest first; status defaults to ERROR. */
    @PostMapping("/replay")
    BulkReplayResult replayAll(@RequestParam(required = false) String flow,
                               @RequestParam(required = false, defaultValue = "ERROR") String status,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String key) {
        MessageFilter filter = MessageRequestParameters.filter(flow, status, from, to, key);
        try {
            return replay.replayAll(filter, OperatorName.current());
        } catch (NoReplayerException e) {
            throw MessageProblems.noReplayer(e);
        }
    }
}
