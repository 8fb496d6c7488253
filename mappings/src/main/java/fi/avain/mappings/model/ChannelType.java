package fi.avain.mappings.model;

/** PTV's service channel types. */
public enum ChannelType {
    SERVICE_LOCATION,
    ELECTRONIC,
    PHONE,
    WEB_PAGE,
    PRINTABLE_FORM
}
