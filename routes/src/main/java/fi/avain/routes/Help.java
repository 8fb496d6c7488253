package fi.avain.routes;

final class Help {
    static final String TEXT = """
            Usage: ./avain [--property=value ...]
                   ./avain job <name> [--key=value ...] [--property=value ...]
                   ./avain --help

            With no command, Avain starts the server. By default that is the sandbox: an H2 database
            under ./data (or AVAIN_DATA_DIR), simulators for every outside system on loopback, sample
            data and a first catalogue sync; the URLs, API keys and secrets are printed and written to
            data/sandbox.json. Production: --spring.profiles.active=prod (or AVAIN_PROFILE=prod) with
            AVAIN_DB_URL, AVAIN_DB_USER and AVAIN_DB_PASSWORD.

            Jobs (progress on stderr, a one-line JSON summary last on stdout):
              catalogue-sync [--full]   PTV and the comparison catalogue into the marketplace (HSDS 3.0)
              card-clearing [--file=] [--processor=generic|stripe]
                                        apply card clearing files (avain.connectors.card.clearing-dir, or
                                        the one file) to the budget ledger, then release expired holds
              voucher-expiry [--today=YYYY-MM-DD]
                                        expire vouchers past their validity; after the grace period
                                        (avain.vouchers.grace-days) return their remainder to the line
              retention                 prune the message store by age per flow (never ERROR messages),
                                        and portal audit events past avain.portal.audit-retention
              import-costs --file= [--tenant=]
                                        a finance system's costs file (docs/formats/costs.md) into the
                                        cost follow-up; bad lines go to the error store with their number
              import-outcomes --file= [--tenant=]
                                        outcome measurements (docs/formats/outcomes.md), checked against
                                        the tenant's instruments (config/tenants/<tenant>.yml)
              service-gaps [--today=YYYY-MM-DD]
                                        needs of the plans in force with no or one provider in the client's
                                        municipality, and needs marked unmet, into
                                        <avain.data-dir>/reports/service-gaps/
              cost-report [--period=YYYY-MM]
                                        the cost and impact report of the month (default: the running
                                        one) and the eleven before it, as CSV, JSON and an HTML page under
                                        <avain.data-dir>/reports/<period>/

            Exit codes of a job: 0 all done, 1 done with items in the error store, 2 could not run.

            A job started while the sandbox server runs shares its database and simulators. Any Spring
            property can be given as --property=value, e.g.
              ./avain job catalogue-sync --avain.connectors.ptv.base-url=http://127.0.0.1:9000/api/v11
            """;

    private Help() {
    }
}
