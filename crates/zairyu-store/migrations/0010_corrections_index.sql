-- The filing that corrects another (`resubmission_of`) is looked up on every details page and every
-- officer view (applications::resubmission). Nearly every filing has none, so the full index of
-- migration 0004 held one NULL per filing, and SQLite's statistics (ANALYZE) then said one value
-- matches all 1,000,000 rows: with a bound parameter it chose to read the whole table instead
-- (0.5 s per page at 1,000,000 filings; docs/PERFORMANCE.md). A partial index holds the few
-- corrections only, and `resubmission_of = $1` implies the `IS NOT NULL` it needs, on SQLite and
-- PostgreSQL alike.

DROP INDEX applications_resubmission;
CREATE INDEX applications_corrections ON applications (resubmission_of) WHERE resubmission_of IS NOT NULL;
