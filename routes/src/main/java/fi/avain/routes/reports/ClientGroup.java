package fi.avain.routes.reports;

/** One of a tenant's client groups (its own code list): {@code disability}, Vammaispalvelut. */
public record ClientGroup(String code, String name) {
}
