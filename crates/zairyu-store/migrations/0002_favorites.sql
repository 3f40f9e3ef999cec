-- Favorite Procedures (SPEC §5.3, §11.1): one row per user and procedure.

CREATE TABLE favorites (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    procedure_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, procedure_id)
);
