-- Terms in English and German: one text (title and body) per version and language, and
-- the language an acceptance was shown in. Versions published so far keep their English
-- text; the version shipped with the system gets its German translation. (The same
-- statements run on both engines.)
CREATE TABLE terms_texts (
    version INTEGER NOT NULL REFERENCES terms_versions(version),
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (version, locale)
);

INSERT INTO terms_texts (version, locale, title, body)
SELECT version, 'en', title, body FROM terms_versions;

INSERT INTO terms_texts (version, locale, title, body)
SELECT version, 'de', 'Bedingungen des Partner Hub Reseller-Programms', 'Diese Bedingungen regeln Ihre Teilnahme am Partner Hub Reseller-Programm für Microsoft 365 und andere Softwareprodukte.

1. Empfehlungslink. Sobald Sie berechtigt sind, erhalten Sie einen einzigartigen Empfehlungslink. Teilen Sie ihn nur mit Ihren eigenen Kunden und geben Sie ihn nie als Ihr eigenes Microsoft-Angebot aus.
2. Verkauf. Partner Hub ist der Verkäufer. Kunden kaufen direkt bei Partner Hub; Sie nehmen keine Zahlungen entgegen.
3. Provision. Sie erhalten den veröffentlichten Provisionssatz des Tarifs für jeden bezahlten Zeitraum eines Abos, das über Ihren Link gekauft wurde. Die Provision ist vorläufig, bis der Clearing-Zeitraum endet: 14 Tage nach der Aktivierung, oder 7 Tage für Top-bewertete Freelancer, Pro-Freelancer und Seller Plus Premium-Freelancer. Stornierungen und Erstattungen innerhalb der Stornierungsfrist heben die Provision wieder auf.
4. Delegierter Zugriff. Kunden können Ihnen für eine begrenzte Zeit delegierte Administratorrechte gewähren. Nutzen Sie diese nur, um die Abos dieses Kunden zu verwalten, und entziehen Sie keine Rechte, um deren Entzug Sie nicht gebeten wurden.
5. Verhalten. Antworten Sie zügig, machen Sie ehrliche Angebote und wahren Sie einen guten Ruf. Partner Hub kann die Berechtigung bei Missbrauch aussetzen.
6. Steuern. In den USA ansässige Freelancer reichen vor Auszahlungen ein W-9-Formular ein.
7. Änderungen. Neue Versionen dieser Bedingungen müssen akzeptiert werden, bevor sich das Dashboard wieder öffnet.'
FROM terms_versions WHERE version = 1 AND published_by IS NULL;

ALTER TABLE terms_versions DROP COLUMN title;
ALTER TABLE terms_versions DROP COLUMN body;

ALTER TABLE terms_acceptances ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'de'));
