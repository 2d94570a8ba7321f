-- State machines hold in the database: a CHECK on every status, kind and tier column of
-- freelancers, applications and appeals (the values of the Rust enums), and at most one
-- open application per freelancer (a partial unique index).
ALTER TABLE freelancers ADD CONSTRAINT freelancers_status_check CHECK (status IN ('registered', 'submitted', 'approved', 'rejected', 'appealed'));
ALTER TABLE freelancers ADD CONSTRAINT freelancers_tier_check CHECK (tier IN ('standard', 'top_rated', 'pro', 'seller_plus_premium'));
ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN ('submitted', 'approved', 'rejected', 'appealed'));
ALTER TABLE applications ADD CONSTRAINT applications_m365_experience_check CHECK (m365_experience IN ('none', 'basic', 'intermediate', 'advanced', 'expert'));
ALTER TABLE applications ADD CONSTRAINT applications_decision_reason_check CHECK (decision_reason IS NULL OR decision_reason IN ('needs_more_detail', 'does_not_meet_requirements', 'not_the_right_fit', 'other'));
ALTER TABLE appeals ADD CONSTRAINT appeals_status_check CHECK (status IN ('submitted', 'in_review', 'upheld', 'denied'));
ALTER TABLE appeals ADD CONSTRAINT appeals_subject_type_check CHECK (subject_type IN ('application'));
CREATE UNIQUE INDEX applications_one_open ON applications (freelancer_id) WHERE status IN ('submitted', 'appealed');
