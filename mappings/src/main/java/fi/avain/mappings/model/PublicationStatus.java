package fi.avain.mappings.model;

/** PTV's publishing status, reduced to what the sync acts on: archived and withdrawn items are removed downstream. */
public enum PublicationStatus {
    PUBLISHED,
    ARCHIVED,
    WITHDRAWN;

    public boolean removed() {
        return this != PUBLISHED;
    }
}
