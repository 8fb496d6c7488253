-- An authorization id belongs to one card and one merchant category: each answer keeps what it was
-- asked for, so that a repeat or an incremental authorization naming another card or category is
-- refused rather than answered, or held, as the first one. Answers given before this column existed
-- get the card and category their hold shows; a decline for an unknown card leaves them empty.
alter table card_authorization add column processor_card_id text;
alter table card_authorization add column merchant_category text;

-- The card a card hold was authorized for: a reversal or a clearing record is checked against it.
alter table ledger_hold add column card_id uuid;
alter table ledger_hold add constraint ledger_hold_card_fk foreign key (card_id) references card (id);

update card_authorization a set processor_card_id = (select c.processor_card_id from card c where c.id = a.card_id)
where a.card_id is not null;
update card_authorization a set merchant_category = (select h.merchant_category from ledger_hold h where h.id = a.hold_id)
where a.hold_id is not null;
-- Looked up by hold: without an index the backfill would scan every authorization once per hold.
create index card_authorization_hold_id_idx on card_authorization (hold_id);
update ledger_hold h set card_id = (select a.card_id from card_authorization a where a.hold_id = h.id limit 1)
where h.channel = 'card';
-- Only the backfill needs it; an authorization's claim should not pay for it.
drop index card_authorization_hold_id_idx;
