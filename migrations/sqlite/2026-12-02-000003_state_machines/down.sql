-- Back to the tables without CHECKs and without the one-open-application index.
PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX applications_one_open;

CREATE TABLE freelancers_old (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    tier TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    onboarding_required BOOLEAN NOT NULL DEFAULT TRUE,
    referral_code TEXT,
    eligible_since TIMESTAMP
);
INSERT INTO freelancers_old (id, user_id, status, tier, created_at, updated_at, onboarding_required, referral_code, eligible_since)
    SELECT id, user_id, status, tier, created_at, updated_at, onboarding_required, referral_code, eligible_since FROM freelancers;
DROP TABLE freelancers;
ALTER TABLE freelancers_old RENAME TO freelancers;
CREATE UNIQUE INDEX freelancers_referral_code ON freelancers (referral_code);

CREATE TABLE applications_old (
    id TEXT PRIMARY KEY NOT NULL,
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    invitation_id TEXT REFERENCES invitations(id),
    status TEXT NOT NULL,
    m365_experience TEXT NOT NULL,
    us_clients_served INTEGER NOT NULL,
    certifications TEXT NOT NULL,
    country TEXT NOT NULL,
    motivation TEXT NOT NULL,
    links TEXT NOT NULL,
    decision_reason TEXT,
    decision_note TEXT,
    decided_by TEXT REFERENCES users(id),
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO applications_old (id, freelancer_id, invitation_id, status, m365_experience, us_clients_served, certifications, country, motivation, links, decision_reason, decision_note, decided_by, decided_at, created_at, updated_at)
    SELECT id, freelancer_id, invitation_id, status, m365_experience, us_clients_served, certifications, country, motivation, links, decision_reason, decision_note, decided_by, decided_at, created_at, updated_at FROM applications;
DROP TABLE applications;
ALTER TABLE applications_old RENAME TO applications;
CREATE INDEX applications_freelancer ON applications (freelancer_id, created_at);
CREATE INDEX applications_queue ON applications (status, created_at, id);

CREATE TABLE appeals_old (
    id TEXT PRIMARY KEY NOT NULL,
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    explanation TEXT NOT NULL,
    status TEXT NOT NULL,
    open_key TEXT UNIQUE,
    reviewer_id TEXT REFERENCES users(id),
    reviewer_note TEXT,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO appeals_old (id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at)
    SELECT id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at FROM appeals;
DROP TABLE appeals;
ALTER TABLE appeals_old RENAME TO appeals;
CREATE INDEX appeals_queue ON appeals (status, created_at, id);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
