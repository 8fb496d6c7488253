package fi.avain.routes.reports;

/**
 * A record that reads well but that the tenant's configuration or the data already kept refuse: an
 * unknown client group or instrument, a score off the scale, a client already in the other cohort. The
 * message is {@code field: rule}, never a value.
 */
class ReportRefusal extends RuntimeException {
    private final String field;

    ReportRefusal(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    String field() {
        return field;
    }
}
