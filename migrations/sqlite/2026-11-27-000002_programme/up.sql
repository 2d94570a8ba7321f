-- The freelancer's way in: catalogue (for commission rates), invitations, applications,
-- onboarding (profile, picture, W-9), terms, appeals, support tickets.
ALTER TABLE freelancers ADD COLUMN onboarding_required BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE freelancers ADD COLUMN referral_code TEXT;
ALTER TABLE freelancers ADD COLUMN eligible_since TIMESTAMP;
CREATE UNIQUE INDEX freelancers_referral_code ON freelancers (referral_code);

CREATE TABLE products (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    vendor TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL,
    product_id TEXT NOT NULL REFERENCES products(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    currency TEXT NOT NULL,
    monthly_price_cents BIGINT NOT NULL,
    yearly_price_cents BIGINT NOT NULL,
    commission_rate_bps INTEGER NOT NULL,
    sort_order INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL
);

INSERT INTO products (id, name, vendor, description, created_at) VALUES
    ('prd_microsoft_365', 'Microsoft 365', 'Microsoft', 'Productivity apps, email and cloud storage for businesses.', '2026-11-27 00:00:00');

INSERT INTO plans (id, product_id, name, description, currency, monthly_price_cents, yearly_price_cents, commission_rate_bps, sort_order, active, created_at) VALUES
    ('pln_m365_business_basic', 'prd_microsoft_365', 'Microsoft 365 Business Basic', 'Web and mobile Office apps, Teams, 1 TB OneDrive and business email.', 'USD', 720, 7200, 2000, 1, TRUE, '2026-11-27 00:00:00'),
    ('pln_m365_business_standard', 'prd_microsoft_365', 'Microsoft 365 Business Standard', 'Everything in Basic plus desktop Office apps and webinars.', 'USD', 1500, 15000, 1500, 2, TRUE, '2026-11-27 00:00:00'),
    ('pln_m365_business_premium', 'prd_microsoft_365', 'Microsoft 365 Business Premium', 'Everything in Standard plus advanced security and device management.', 'USD', 2640, 26400, 1200, 3, TRUE, '2026-11-27 00:00:00'),
    ('pln_m365_apps_for_business', 'prd_microsoft_365', 'Microsoft 365 Apps for business', 'Desktop Office apps and 1 TB OneDrive, without business email.', 'USD', 990, 9900, 1500, 4, TRUE, '2026-11-27 00:00:00');

CREATE TABLE invitations (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    kind TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES users(id),
    accepted_by TEXT REFERENCES users(id),
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP,
    expires_at TIMESTAMP NOT NULL,
    send_count INTEGER NOT NULL,
    last_sent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX invitations_created ON invitations (created_at, id);
CREATE INDEX invitations_email ON invitations (email);

CREATE TABLE applications (
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
CREATE INDEX applications_freelancer ON applications (freelancer_id, created_at);
CREATE INDEX applications_queue ON applications (status, created_at, id);

CREATE TABLE freelancer_profiles (
    freelancer_id TEXT PRIMARY KEY NOT NULL REFERENCES freelancers(id),
    full_name TEXT NOT NULL,
    display_name TEXT,
    display_name_key TEXT UNIQUE,
    description TEXT NOT NULL,
    languages TEXT NOT NULL,
    country TEXT,
    occupation TEXT NOT NULL,
    skills TEXT NOT NULL,
    education TEXT NOT NULL,
    certifications TEXT NOT NULL,
    picture_id TEXT,
    personal_completed_at TIMESTAMP,
    business_completed_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE profile_pictures (
    id TEXT PRIMARY KEY NOT NULL,
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data_base64 TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE tax_forms (
    freelancer_id TEXT PRIMARY KEY NOT NULL REFERENCES freelancers(id),
    legal_name TEXT NOT NULL,
    business_name TEXT,
    tax_classification TEXT NOT NULL,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    zip TEXT NOT NULL,
    tin_type TEXT NOT NULL,
    tin_ciphertext TEXT NOT NULL,
    tin_key_id TEXT NOT NULL,
    tin_last4 TEXT NOT NULL,
    signature_name TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    signed_ip TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE terms_versions (
    version INTEGER PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_by TEXT REFERENCES users(id),
    published_at TIMESTAMP NOT NULL
);

INSERT INTO terms_versions (version, title, body, published_by, published_at) VALUES
    (1, 'Partner Hub reseller programme terms', 'These terms govern your participation in the Partner Hub reseller programme for Microsoft 365 and other software products.

1. Referral link. You receive a unique referral link once you are eligible. Share it only with your own clients and never present it as a Microsoft offer of your own.
2. Sales. Partner Hub is the seller of record. Clients buy directly from Partner Hub; you do not collect payments.
3. Commission. You earn the published commission rate of the plan on every paid period of a subscription bought through your link. Commission is provisional until the clearing period ends: 14 days after activation, or 7 days for Top Rated, Pro and Seller Plus Premium freelancers. Cancellations and refunds within the cancellation window reverse the commission.
4. Delegated access. Clients may grant you delegated administration rights for a limited time. Use them only to manage that client''s subscriptions and revoke nothing you were not asked to.
5. Conduct. Keep response times short, make honest offers and keep a good reputation. Partner Hub may suspend eligibility for misuse.
6. Taxes. US-based freelancers provide a W-9 form before receiving payouts.
7. Changes. New versions of these terms must be accepted before the dashboard opens again.', NULL, '2026-11-27 00:00:00');

CREATE TABLE terms_acceptances (
    id TEXT PRIMARY KEY NOT NULL,
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    version INTEGER NOT NULL REFERENCES terms_versions(version),
    accepted_at TIMESTAMP NOT NULL,
    ip TEXT,
    UNIQUE (freelancer_id, version)
);

CREATE TABLE appeals (
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
CREATE INDEX appeals_queue ON appeals (status, created_at, id);

CREATE TABLE support_tickets (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    subject TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX support_tickets_user ON support_tickets (user_id, created_at);
CREATE INDEX support_tickets_queue ON support_tickets (status, created_at, id);

CREATE TABLE ticket_messages (
    id TEXT PRIMARY KEY NOT NULL,
    ticket_id TEXT NOT NULL REFERENCES support_tickets(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    from_staff BOOLEAN NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at);
