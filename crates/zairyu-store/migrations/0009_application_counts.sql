-- How many filings each office holds in each status, kept up to date by the statements that insert
-- a filing or change its status (applications::insert, applications::change_status and the seeding
-- of the benchmark database), in the same transaction. The back office shows these counts on every
-- queue page (SPEC §13); counting them with a GROUP BY read the whole applications table each
-- time, 0.9–1.3 s at 1,000,000 filings (docs/PERFORMANCE.md, "The officer step").

CREATE TABLE application_counts (
    office TEXT NOT NULL,
    status TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (office, status)
);

INSERT INTO application_counts (office, status, n)
    SELECT office, status, COUNT(*) FROM applications GROUP BY office, status;
