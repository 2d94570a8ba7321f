-- Accounts: verified email addresses, typed roles and invitations with CHECKs, one
-- pending invitation per email, and login throttling as one counter row per key.
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

ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN ('freelancer', 'customer', 'support', 'admin'));

-- Invitations past their expiry become `expired` for good, and of two pending
-- invitations for one email only the newest stays pending, so the unique index holds.
UPDATE invitations SET status = 'expired' WHERE status = 'sent' AND expires_at <= (now() AT TIME ZONE 'UTC');
UPDATE invitations SET status = 'expired'
    WHERE status = 'sent' AND EXISTS (
        SELECT 1 FROM invitations newer
        WHERE newer.email = invitations.email AND newer.status = 'sent'
          AND (newer.created_at > invitations.created_at OR (newer.created_at = invitations.created_at AND newer.id > invitations.id)));
ALTER TABLE invitations ADD CONSTRAINT invitations_kind_check CHECK (kind IN ('internal', 'external'));
ALTER TABLE invitations ADD CONSTRAINT invitations_status_check CHECK (status IN ('sent', 'accepted', 'revoked', 'expired'));
CREATE UNIQUE INDEX invitations_one_pending ON invitations (email) WHERE status = 'sent';

DROP TABLE login_attempts;
CREATE TABLE auth_throttle (
    scope_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    blocked_until TIMESTAMP,
    last_attempt_at TIMESTAMP NOT NULL
);
CREATE INDEX auth_throttle_quiet ON auth_throttle (last_attempt_at);
