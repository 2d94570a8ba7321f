ALTER TABLE terms_acceptances DROP COLUMN locale;

ALTER TABLE terms_versions ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE terms_versions ADD COLUMN body TEXT NOT NULL DEFAULT '';
UPDATE terms_versions SET
    title = (SELECT t.title FROM terms_texts t WHERE t.version = terms_versions.version AND t.locale = 'en'),
    body = (SELECT t.body FROM terms_texts t WHERE t.version = terms_versions.version AND t.locale = 'en');

DROP TABLE terms_texts;
