package fi.avain.routes.reports;

/** What became of one line of an import: applied (new or changed), the same as already kept, or refused. */
enum LineResult {
    IMPORTED, UNCHANGED, ERROR
}
