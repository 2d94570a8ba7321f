ALTER TABLE invitations DROP COLUMN locale;
ALTER TABLE email_outbox DROP COLUMN params_json;
ALTER TABLE email_outbox DROP COLUMN locale;
ALTER TABLE users DROP COLUMN locale;
