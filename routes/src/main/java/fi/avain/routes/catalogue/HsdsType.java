package fi.avain.routes.catalogue;

/** The HSDS objects Avain keeps and sends; {@link #path()} is the marketplace's collection name. */
public enum HsdsType {
    ORGANIZATION("organizations"),
    SERVICE("services"),
    LOCATION("locations"),
    SERVICE_AT_LOCATION("service_at_locations");

    private final String path;

    HsdsType(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
