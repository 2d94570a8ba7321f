DROP TABLE auth_throttle;
CREATE TABLE login_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    scope_key TEXT NOT NULL,
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_scope ON login_attempts (scope_key, attempted_at);

DROP INDEX invitations_one_pending;
ALTER TABLE invitations DROP CONSTRAINT invitations_status_check;
ALTER TABLE invitations DROP CONSTRAINT invitations_kind_check;
UPDATE invitations SET status = 'sent' WHERE status = 'expired';
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
DROP TABLE email_verifications;
ALTER TABLE users DROP COLUMN email_verified_at;
