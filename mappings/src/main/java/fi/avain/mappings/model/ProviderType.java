package fi.avain.mappings.model;

/** Who runs a provider: the marketplace shows public, company and NGO providers side by side. */
public enum ProviderType {
    PUBLIC,
    COMPANY,
    NGO,
    OTHER
}
