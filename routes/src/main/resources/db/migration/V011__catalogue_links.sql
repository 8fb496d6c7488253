-- Only a service_at_location links to a parent (its service) and a ref (its location). The copy's
-- link lookups rely on it: they read by parent_id or ref_id alone, through their own indexes, so
-- the planner cannot choose to scan every row of the type through the primary key instead, as it
-- did while its statistics still showed no service_at_location at all.
alter table catalogue_item add constraint catalogue_item_links_only_service_at_location
    check ((hsds_type = 'service_at_location' and parent_id is not null and ref_id is not null)
        or (hsds_type <> 'service_at_location' and parent_id is null and ref_id is null));
