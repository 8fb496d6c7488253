package fi.avain.budget;

import fi.avain.mappings.card.CardAuthorizationRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The card registry: the processor's card id to a client and a budget. Runs in the caller's transaction. */
public final class Cards {
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    /** The processor of a card that answers every endpoint; see {@link #registerForAnyProcessor}. */
    public static final String ANY_PROCESSOR = "any";
    /** The processors whose authorizations Avain answers: its generic endpoint and Stripe Issuing's. */
    private static final List<String> PROCESSORS = List.of(CardAuthorizationRequest.GENERIC,
            CardAuthorizationRequest.STRIPE);
    private static final String SELECT = """
            select c.id, c.processor, c.processor_card_id, c.client_id, c.budget_id, b.tenant, c.status, c.created_at,
                   c.updated_at
            from card c join budget b on b.id = c.budget_id""";

    private final JdbcClient db;
    private final Ledger ledger;

    public Cards(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /**
     * Registers a card on a budget, or answers the card as it is (its status included) when the same
     * card is registered again on the same budget with the same processor; a card already on another
     * budget, or registered with another processor, is refused.
     */
    public Registration register(String processor, String cardId, UUID budgetId, CardStatus status) {
        if (processor == null || !PROCESSORS.contains(processor)) {
            throw new InvalidRequestException("processor must be one of " + String.join(", ", PROCESSORS));
        }
        Registration registration = insert(processor, cardId, budgetId, status);
        String registered = registration.card().processor();
        if (!registration.created() && !registered.equals(processor)) {
            // a card answers only to its processor's endpoint: the other processor's card is another card
            throw new LedgerException("card " + cardId + " is already registered with processor "
                    + (ANY_PROCESSOR.equals(registered) ? "any (the sandbox's sample card)" : registered)
                    + ", not " + processor);
        }
        return registration;
    }

    /**
     * Registers a card that answers every processor's endpoint: the sandbox's sample card, on which the
     * examples of both authorization formats run. The API registers no such card.
     */
    public Registration registerForAnyProcessor(String cardId, UUID budgetId, CardStatus status) {
        return insert(ANY_PROCESSOR, cardId, budgetId, status);
    }

    private Registration insert(String processor, String cardId, UUID budgetId, CardStatus status) {
        if (cardId == null || !CARD_ID.matcher(cardId).matches()) {
            throw new InvalidRequestException("cardId must be 1-128 letters, digits or _ . : -");
        }
        UUID clientId = db.sql("select client_id from budget where id = ?").param(budgetId).query(UUID.class)
                .optional().orElseThrow(() -> new UnknownBudgetException("budget"));
        Timestamp now = Timestamp.from(ledger.now());
        int inserted = db.sql("""
                        insert into card (id, processor, processor_card_id, client_id, budget_id, status, created_at,
                                          updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(UUID.randomUUID(), processor, cardId, clientId, budgetId, status.name(), now, now).update();
        Card card = find(cardId).orElseThrow();
        if (inserted == 0 && !card.budgetId().equals(budgetId)) {
            throw new LedgerException("card " + cardId + " is already registered on another budget");
        }
        return new Registration(card, inserted == 1);
    }

    /**
     * Sets a card's status. Lost and closed are final, as Stripe Issuing's canceled and lost are: such a
     * card is refused any other status (a new card is issued instead); the same status again is answered
     * as it is.
     */
    public Card setStatus(String cardId, CardStatus status) {
        int changed = db.sql("""
                        update card set status = ?, updated_at = ?
                        where processor_card_id = ? and status not in (?, ?)""")
                .params(status.name(), Timestamp.from(ledger.now()), cardId, CardStatus.LOST.name(),
                        CardStatus.CLOSED.name())
                .update();
        Card card = find(cardId).orElseThrow(() -> new UnknownBudgetException("card"));
        if (changed == 0 && card.status() != status) {
            String now = card.status().code();
            throw new LedgerException("card " + cardId + " is " + now + ", and a " + now + " card's status is final: "
                    + "it cannot become " + status.code() + "; issue a new card instead");
        }
        return card;
    }

    public Optional<Card> find(String cardId) {
        return db.sql(SELECT + " where c.processor_card_id = ?").param(cardId).query(Cards::read).optional();
    }

    public List<Card> ofBudget(UUID budgetId) {
        return db.sql(SELECT + " where c.budget_id = ? order by c.created_at").param(budgetId).query(Cards::read)
                .list();
    }

    static Card read(ResultSet rs, int row) throws SQLException {
        return new Card(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getString(6), CardStatus.valueOf(rs.getString(7)),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }

    public record Registration(Card card, boolean created) {
    }
}
