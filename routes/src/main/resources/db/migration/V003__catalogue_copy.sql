-- Avain's intermediate copy of the catalogue: every HSDS object as it was last sent to the
-- marketplace, with its content hash (to skip unchanged items) and the facets the HSDS API filters on.
create table catalogue_item (
    hsds_type     text        not null,
    id            uuid        not null,
    source_system text        not null,
    source_id     text        not null,
    parent_id     uuid,
    ref_id        uuid,
    business_id   text,
    name          text        not null,
    search_text   text        not null,
    body          text        not null,
    content_hash  text        not null,
    modified_at   timestamp with time zone not null,
    synced_at     timestamp with time zone not null,
    constraint catalogue_item_pk primary key (hsds_type, id),
    constraint catalogue_item_type_known
        check (hsds_type in ('organization', 'service', 'location', 'service_at_location'))
);

create index catalogue_item_parent on catalogue_item (parent_id);
create index catalogue_item_ref on catalogue_item (ref_id);
create index catalogue_item_business_id on catalogue_item (business_id);
create index catalogue_item_source on catalogue_item (source_system, hsds_type);

-- "value" is a reserved word in H2, hence facet_value.
create table catalogue_item_facet (
    hsds_type text not null,
    item_id   uuid not null,
    facet     text not null,
    facet_value text not null,
    constraint catalogue_item_facet_pk primary key (hsds_type, item_id, facet, facet_value),
    constraint catalogue_item_facet_item_fk foreign key (hsds_type, item_id)
        references catalogue_item (hsds_type, id) on delete cascade,
    constraint catalogue_item_facet_known check (facet in ('municipality', 'service_class', 'funding_mode'))
);

create index catalogue_item_facet_lookup on catalogue_item_facet (facet, facet_value, hsds_type);

-- How far each source has been applied. Keyed by the source's base URL as well as its name: a
-- watermark means nothing to another server.
create table sync_watermark (
    source     text        not null,
    kind       text        not null,
    watermark  timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint sync_watermark_pk primary key (source, kind)
);
