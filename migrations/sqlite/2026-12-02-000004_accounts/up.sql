-- Accounts: verified email addresses, typed roles and invitations with CHECKs, one
-- pending invitation per email, and login throttling as one counter row per key.
-- SQLite cannot add a CHECK to a table: user_roles and invitations are rebuilt.
PRAGMA foreign_keys = OFF;
BEGIN;

ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP;
-- Staff were created by an operator, who vouches for the address.
UPDATE users SET email_verified_at = created_at
    WHERE id IN (SELECT user_id FROM user_roles WHERE role IN ('support', 'admin'));

CREATE TABLE email_verifications (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX email_verifications_user ON email_verifications (user_id);

CREATE TABLE user_roles_new (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('freelancer', 'customer', 'support', 'admin')),
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_new (user_id, role, granted_at) SELECT user_id, role, granted_at FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_new RENAME TO user_roles;

-- Invitations past their expiry become `expired` for good, and of two pending
-- invitations for one email only the newest stays pending, so the unique index holds.
UPDATE invitations SET status = 'expired' WHERE status = 'sent' AND expires_at <= CURRENT_TIMESTAMP;
UPDATE invitations SET status = 'expired'
    WHERE status = 'sent' AND EXISTS (
        SELECT 1 FROM invitations newer
        WHERE newer.email = invitations.email AND newer.status = 'sent'
          AND (newer.created_at > invitations.created_at OR (newer.created_at = invitations.created_at AND newer.id > invitations.id)));

CREATE TABLE invitations_new (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('internal', 'external')),
    token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'revoked', 'expired')),
    invited_by TEXT NOT NULL REFERENCES users(id),
    accepted_by TEXT REFERENCES users(id),
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP,
    expires_at TIMESTAMP NOT NULL,
    send_count INTEGER NOT NULL,
    last_sent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO invitations_new (id, email, kind, token_hash, status, invited_by, accepted_by, accepted_at, revoked_at, expires_at, send_count, last_sent_at, created_at)
    SELECT id, email, kind, token_hash, status, invited_by, accepted_by, accepted_at, revoked_at, expires_at, send_count, last_sent_at, created_at FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
CREATE INDEX invitations_created ON invitations (created_at, id);
CREATE INDEX invitations_email ON invitations (email);
CREATE UNIQUE INDEX invitations_one_pending ON invitations (email) WHERE status = 'sent';

DROP TABLE login_attempts;
CREATE TABLE auth_throttle (
    scope_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    blocked_until TIMESTAMP,
    last_attempt_at TIMESTAMP NOT NULL
);
CREATE INDEX auth_throttle_quiet ON auth_throttle (last_attempt_at);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
