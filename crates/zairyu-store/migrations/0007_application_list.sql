-- Application situation confirmation (SPEC §9.1) for a user with 10,000 filings (issue 4): one index
-- holds every column the list filters and sorts on, so counting the matches and finding the ids of
-- one page never leave it (an index-only scan on PostgreSQL, a covering index on SQLite); only the
-- rows of the page are then read from the table. `id` follows `created_at` because it breaks ties
-- in the order, and PostgreSQL (unlike SQLite's rowid) does not carry it in the index by itself.
-- See docs/PERFORMANCE.md for the plans and the measurements.

CREATE INDEX applications_user_list ON applications (
    user_id, created_at, id, procedure_id, reference_number, reception_number, receipt_number,
    related_name
);

-- Its first columns make it serve every query `applications_user` served.
DROP INDEX applications_user;
