-- How a message body was encoded before it was sealed: 'identity' (as received) or 'lz4' (a 4-byte
-- big-endian length, then one LZ4 block). Rows stored before this column existed are 'identity'.
alter table message add column body_encoding text default 'identity' not null;
alter table message add constraint message_body_encoding_known check (body_encoding in ('identity', 'lz4'));
