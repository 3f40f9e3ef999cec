-- Applications, notifications and requests for use as filed (SPEC §6.3, §9), their dated status
-- history, and the server-side drafts of forms in progress.

CREATE TABLE applications (
    id {id},
    reference_number TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    procedure_id TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    form_fingerprint TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    answers TEXT NOT NULL,
    related_name TEXT,
    reception_number TEXT,
    receipt_number TEXT,
    resubmission_of BIGINT REFERENCES applications (id),
    submit_key TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX applications_user ON applications (user_id, created_at);
CREATE INDEX applications_user_procedure ON applications (user_id, procedure_id, created_at);

CREATE TABLE application_events (
    id {id},
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT
);
CREATE INDEX application_events_app ON application_events (application_id, at);

CREATE TABLE drafts (
    id {id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    procedure_id TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    answers TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    reminded_at BIGINT,
    UNIQUE (user_id, procedure_id)
);

-- The right to use a system (SPEC §7): when it was granted and on which application.
CREATE TABLE usage_rights (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    system TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    PRIMARY KEY (user_id, system)
);
