-- The back office's administration (issue 5, items 6–10): notices written in the back office,
-- reception periods and form versions changed over what the procedure files say, officers' API
-- tokens, and indexes for searching the audit log.

-- A notice saved but not yet meant for the portal (draft = 1), and who last changed it.
ALTER TABLE notices ADD COLUMN draft BIGINT NOT NULL DEFAULT 0;
ALTER TABLE notices ADD COLUMN updated_at BIGINT;
ALTER TABLE notices ADD COLUMN updated_by TEXT;

-- A reception period set in the back office. A NULL start keeps the file's; end_set = 1 means
-- reception_end replaces the file's end (NULL then meaning "at any time").
CREATE TABLE procedure_overrides (
    procedure_id TEXT PRIMARY KEY,
    reception_start BIGINT,
    end_set BIGINT NOT NULL DEFAULT 0,
    reception_end BIGINT,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Form versions withdrawn from new entries (a row present = withdrawn; publishing deletes it).
CREATE TABLE form_version_withdrawals (
    procedure_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    withdrawn_by TEXT NOT NULL,
    withdrawn_at BIGINT NOT NULL,
    PRIMARY KEY (procedure_id, version)
);

-- An officer's token for the JSON API: only its SHA-256 is kept; `prefix` (the first characters)
-- lets the officer tell tokens apart in the list.
CREATE TABLE officer_api_tokens (
    id {id},
    officer_id BIGINT NOT NULL REFERENCES officers (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX officer_api_tokens_officer ON officer_api_tokens (officer_id);

CREATE INDEX audit_log_actor ON audit_log (actor, at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX applications_received ON applications (received_at);
