-- The language of a person (emails and server messages), and what the outbox keeps of
-- each message beyond its text: the language it was rendered in and the template's
-- parameters, so support can see and re-render exactly what was sent.
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CONSTRAINT users_locale CHECK (locale IN ('en', 'de'));
-- The language an invitation is written in, kept for re-sends.
ALTER TABLE invitations ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CONSTRAINT invitations_locale CHECK (locale IN ('en', 'de'));
ALTER TABLE email_outbox ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CONSTRAINT email_outbox_locale CHECK (locale IN ('en', 'de'));
ALTER TABLE email_outbox ADD COLUMN params_json TEXT NOT NULL DEFAULT '{}';
