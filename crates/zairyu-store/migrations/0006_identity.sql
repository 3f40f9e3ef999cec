-- My Number Card readings (SPEC §7.2, §7.3). One row per one-time code shown as a QR code: which
-- user and browser session it was issued to, for which procedure, which certificate it asks for,
-- and what the phone answered. The nonce itself is never stored: it is derived from the server key
-- and `salt`, and looked up by its SHA-256. A verified signature reading carries the basic 4
-- information until an application uses it (`used_at`, `application_id`).

CREATE TABLE identity_challenges (
    id {id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_binding TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    salt TEXT NOT NULL,
    nonce_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    answered_at BIGINT,
    outcome TEXT,
    failure TEXT,
    cert_fingerprint TEXT,
    cert_serial TEXT,
    revocation_checked BIGINT NOT NULL DEFAULT 0,
    basic4 TEXT,
    used_at BIGINT,
    application_id BIGINT REFERENCES applications (id)
);
CREATE INDEX identity_challenges_owner ON identity_challenges (user_id, session_binding, procedure_id, id);
