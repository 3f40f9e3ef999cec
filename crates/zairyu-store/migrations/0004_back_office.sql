-- The back office (SPEC §13): officers with a role and an office, their own sessions (a password
-- step, then a TOTP step), the number sequences of the offices, and which office handles a filing.

CREATE TABLE officers (
    id {id},
    login_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    office TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    -- The TOTP secret sealed with the server key; NULL until enrolled.
    totp_sealed TEXT,
    -- A secret offered at enrolment, not yet confirmed by a code.
    totp_pending TEXT,
    -- The last time step accepted, so a code cannot be used twice.
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    disabled_at BIGINT,
    locale TEXT NOT NULL,
    last_login_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE officer_sessions (
    id_hash TEXT PRIMARY KEY,
    officer_id BIGINT NOT NULL REFERENCES officers (id) ON DELETE CASCADE,
    -- 'password' (the second factor is still to come) or 'full'.
    stage TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX officer_sessions_officer ON officer_sessions (officer_id);

-- Next number per office, kind of number and year.
CREATE TABLE number_sequences (
    office TEXT NOT NULL,
    kind TEXT NOT NULL,
    year BIGINT NOT NULL,
    next_value BIGINT NOT NULL,
    PRIMARY KEY (office, kind, year)
);

ALTER TABLE applications ADD COLUMN office TEXT NOT NULL DEFAULT 'hq';
ALTER TABLE applications ADD COLUMN received_at BIGINT;
ALTER TABLE applications ADD COLUMN decided_at BIGINT;
CREATE INDEX applications_queue ON applications (office, status, created_at);
CREATE INDEX applications_status ON applications (status, created_at);
CREATE INDEX applications_resubmission ON applications (resubmission_of);
CREATE INDEX audit_log_subject ON audit_log (subject, at);
-- A draft that corrects a filing sent back (In Return Process): Apply links the two.
ALTER TABLE drafts ADD COLUMN resubmission_of BIGINT;
