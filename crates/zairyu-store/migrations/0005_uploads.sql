-- Attachments (SPEC §9.3, §10.6, §10.7). The bytes live in the file store under
-- `attachments/<file_id>`; this row says whose file it is, what it is called and what it is, for
-- which procedure and slot it was uploaded, and, once Apply has linked it, which application it
-- belongs to. A row with no application is an upload in progress: it belongs to its owner's draft
-- and is purged with it.

CREATE TABLE uploads (
    id {id},
    file_id TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    procedure_id TEXT NOT NULL,
    field_id TEXT NOT NULL,
    application_id BIGINT REFERENCES applications (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX uploads_user_procedure ON uploads (user_id, procedure_id, application_id);
CREATE INDEX uploads_application ON uploads (application_id);
CREATE INDEX uploads_created ON uploads (created_at);
