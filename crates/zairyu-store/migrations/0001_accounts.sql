-- User accounts, email tokens, sessions, the job queue (outbox), notices, postal codes and the audit log.
-- Instants are BIGINT milliseconds since the Unix epoch (UTC); flags are BIGINT 0/1, so that both
-- backends read them as the same type.

CREATE TABLE users (
    id {id},
    login_id TEXT NOT NULL UNIQUE,
    user_type TEXT NOT NULL,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL,
    name_en TEXT NOT NULL,
    telephone TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    sex TEXT,
    date_of_birth TEXT,
    postal_code TEXT,
    address TEXT,
    locale TEXT NOT NULL,
    ens_approved_at BIGINT,
    rasens_approved_at BIGINT,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    previous_login_at BIGINT,
    current_login_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX users_email_norm ON users (email_norm);

CREATE TABLE email_tokens (
    id {id},
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    nonce TEXT NOT NULL,
    email TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    draft TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_user ON email_tokens (user_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE jobs (
    id {id},
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    run_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    last_error TEXT,
    done_at BIGINT,
    failed_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);

CREATE TABLE notices (
    id {id},
    published_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE TABLE notice_texts (
    notice_id BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (notice_id, locale)
);

CREATE TABLE postal_codes (
    id {id},
    postal_code TEXT NOT NULL,
    prefecture TEXT NOT NULL,
    city TEXT NOT NULL,
    town TEXT NOT NULL,
    prefecture_kana TEXT NOT NULL,
    city_kana TEXT NOT NULL,
    town_kana TEXT NOT NULL
);
CREATE INDEX postal_codes_code ON postal_codes (postal_code);

CREATE TABLE audit_log (
    id {id},
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    ip TEXT,
    detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
