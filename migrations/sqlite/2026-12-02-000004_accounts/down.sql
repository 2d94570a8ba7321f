PRAGMA foreign_keys = OFF;
BEGIN;

DROP TABLE auth_throttle;
CREATE TABLE login_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    scope_key TEXT NOT NULL,
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_scope ON login_attempts (scope_key, attempted_at);

UPDATE invitations SET status = 'sent' WHERE status = 'expired';
CREATE TABLE invitations_old (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    kind TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES users(id),
    accepted_by TEXT REFERENCES users(id),
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP,
    expires_at TIMESTAMP NOT NULL,
    send_count INTEGER NOT NULL,
    last_sent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO invitations_old SELECT id, email, kind, token_hash, status, invited_by, accepted_by, accepted_at, revoked_at, expires_at, send_count, last_sent_at, created_at FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_old RENAME TO invitations;
CREATE INDEX invitations_created ON invitations (created_at, id);
CREATE INDEX invitations_email ON invitations (email);

CREATE TABLE user_roles_old (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_old SELECT user_id, role, granted_at FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_old RENAME TO user_roles;

DROP TABLE email_verifications;
ALTER TABLE users DROP COLUMN email_verified_at;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
