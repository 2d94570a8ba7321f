-- State machines hold in the database: a CHECK on every status, kind and tier column of
-- freelancers, applications and appeals (the values of the Rust enums), and at most one
-- open application per freelancer (a partial unique index).
--
-- SQLite cannot add a CHECK to an existing table, so each table is rebuilt (create the
-- new table, copy, drop, rename, recreate its indexes) with foreign keys off, outside
-- diesel's transaction (metadata.toml), the way https://sqlite.org/lang_altertable.html
-- describes.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE freelancers_new (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    tier TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    onboarding_required BOOLEAN NOT NULL DEFAULT TRUE,
    referral_code TEXT,
    eligible_since TIMESTAMP,
    CHECK (status IN ('registered', 'submitted', 'approved', 'rejected', 'appealed')),
    CHECK (tier IN ('standard', 'top_rated', 'pro', 'seller_plus_premium'))
);
INSERT INTO freelancers_new (id, user_id, status, tier, created_at, updated_at, onboarding_required, referral_code, eligible_since)
    SELECT id, user_id, status, tier, created_at, updated_at, onboarding_required, referral_code, eligible_since FROM freelancers;
DROP TABLE freelancers;
ALTER TABLE freelancers_new RENAME TO freelancers;
CREATE UNIQUE INDEX freelancers_referral_code ON freelancers (referral_code);

CREATE TABLE applications_new (
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
    updated_at TIMESTAMP NOT NULL,
    CHECK (status IN ('submitted', 'approved', 'rejected', 'appealed')),
    CHECK (m365_experience IN ('none', 'basic', 'intermediate', 'advanced', 'expert')),
    CHECK (decision_reason IS NULL OR decision_reason IN ('needs_more_detail', 'does_not_meet_requirements', 'not_the_right_fit', 'other'))
);
INSERT INTO applications_new (id, freelancer_id, invitation_id, status, m365_experience, us_clients_served, certifications, country, motivation, links, decision_reason, decision_note, decided_by, decided_at, created_at, updated_at)
    SELECT id, freelancer_id, invitation_id, status, m365_experience, us_clients_served, certifications, country, motivation, links, decision_reason, decision_note, decided_by, decided_at, created_at, updated_at FROM applications;
DROP TABLE applications;
ALTER TABLE applications_new RENAME TO applications;
CREATE INDEX applications_freelancer ON applications (freelancer_id, created_at);
CREATE INDEX applications_queue ON applications (status, created_at, id);
CREATE UNIQUE INDEX applications_one_open ON applications (freelancer_id) WHERE status IN ('submitted', 'appealed');

CREATE TABLE appeals_new (
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
    updated_at TIMESTAMP NOT NULL,
    CHECK (status IN ('submitted', 'in_review', 'upheld', 'denied')),
    CHECK (subject_type IN ('application'))
);
INSERT INTO appeals_new (id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at)
    SELECT id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at FROM appeals;
DROP TABLE appeals;
ALTER TABLE appeals_new RENAME TO appeals;
CREATE INDEX appeals_queue ON appeals (status, created_at, id);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
