// The one portable schema for both engines: Text, BigInt, Integer, Bool and Timestamp
// (naive UTC) only. Keep it in step with migrations/sqlite and migrations/postgres.

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        password_hash -> Text,
        full_name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        email_verified_at -> Nullable<Timestamp>,
        locale -> Text,
        session_version -> Integer,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> Text,
        role -> Text,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    freelancers (id) {
        id -> Text,
        user_id -> Text,
        status -> Text,
        tier -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        onboarding_required -> Bool,
        referral_code -> Nullable<Text>,
        eligible_since -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        user_id -> Text,
        family_id -> Text,
        token_hash -> Text,
        issued_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    auth_throttle (scope_key) {
        scope_key -> Text,
        failures -> Integer,
        blocked_until -> Nullable<Timestamp>,
        last_attempt_at -> Timestamp,
    }
}

diesel::table! {
    password_resets (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    email_verifications (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        actor_id -> Nullable<Text>,
        action -> Text,
        subject_type -> Text,
        subject_id -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        ip -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> Text,
        to_address -> Text,
        subject -> Text,
        template -> Text,
        text_body -> Text,
        html_body -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        claim_token -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        locale -> Text,
        params_json -> Text,
    }
}

diesel::table! {
    job_runs (id) {
        id -> Text,
        job -> Text,
        triggered_by -> Text,
        actor_id -> Nullable<Text>,
        started_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        outcome -> Text,
        processed -> Integer,
        failed -> Integer,
        detail -> Nullable<Text>,
    }
}

diesel::table! {
    app_clock (id) {
        id -> Integer,
        offset_seconds -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    products (id) {
        id -> Text,
        name -> Text,
        vendor -> Text,
        description -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    plans (id) {
        id -> Text,
        product_id -> Text,
        name -> Text,
        description -> Text,
        currency -> Text,
        monthly_price_cents -> BigInt,
        yearly_price_cents -> BigInt,
        commission_rate_bps -> Integer,
        sort_order -> Integer,
        active -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        email -> Text,
        kind -> Text,
        token_hash -> Text,
        status -> Text,
        invited_by -> Text,
        accepted_by -> Nullable<Text>,
        accepted_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        expires_at -> Timestamp,
        send_count -> Integer,
        last_sent_at -> Timestamp,
        created_at -> Timestamp,
        locale -> Text,
    }
}

diesel::table! {
    applications (id) {
        id -> Text,
        freelancer_id -> Text,
        invitation_id -> Nullable<Text>,
        status -> Text,
        m365_experience -> Text,
        us_clients_served -> Integer,
        certifications -> Text,
        country -> Text,
        motivation -> Text,
        links -> Text,
        decision_reason -> Nullable<Text>,
        decision_note -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        decided_via -> Nullable<Text>,
    }
}

diesel::table! {
    freelancer_profiles (freelancer_id) {
        freelancer_id -> Text,
        full_name -> Text,
        display_name -> Nullable<Text>,
        display_name_key -> Nullable<Text>,
        description -> Text,
        languages -> Text,
        country -> Nullable<Text>,
        occupation -> Text,
        skills -> Text,
        education -> Text,
        certifications -> Text,
        picture_id -> Nullable<Text>,
        personal_completed_at -> Nullable<Timestamp>,
        business_completed_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    profile_pictures (id) {
        id -> Text,
        freelancer_id -> Text,
        content_type -> Text,
        width -> Integer,
        height -> Integer,
        data_base64 -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    tax_forms (freelancer_id) {
        freelancer_id -> Text,
        legal_name -> Text,
        business_name -> Nullable<Text>,
        tax_classification -> Text,
        address_line1 -> Text,
        address_line2 -> Nullable<Text>,
        city -> Text,
        state -> Text,
        zip -> Text,
        tin_type -> Text,
        tin_ciphertext -> Text,
        tin_key_id -> Text,
        tin_last4 -> Text,
        signature_name -> Text,
        signed_at -> Timestamp,
        signed_ip -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    terms_versions (version) {
        version -> Integer,
        published_by -> Nullable<Text>,
        published_at -> Timestamp,
    }
}

diesel::table! {
    terms_acceptances (id) {
        id -> Text,
        freelancer_id -> Text,
        version -> Integer,
        accepted_at -> Timestamp,
        ip -> Nullable<Text>,
        locale -> Text,
    }
}

diesel::table! {
    terms_texts (version, locale) {
        version -> Integer,
        locale -> Text,
        title -> Text,
        body -> Text,
    }
}

diesel::table! {
    appeals (id) {
        id -> Text,
        freelancer_id -> Text,
        subject_type -> Text,
        subject_id -> Text,
        explanation -> Text,
        status -> Text,
        open_key -> Nullable<Text>,
        reviewer_id -> Nullable<Text>,
        reviewer_note -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    support_tickets (id) {
        id -> Text,
        user_id -> Text,
        subject -> Text,
        category -> Text,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    ticket_messages (id) {
        id -> Text,
        ticket_id -> Text,
        author_id -> Text,
        from_staff -> Bool,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(plans -> products (product_id));
diesel::joinable!(applications -> freelancers (freelancer_id));
diesel::joinable!(freelancer_profiles -> freelancers (freelancer_id));
diesel::joinable!(tax_forms -> freelancers (freelancer_id));
diesel::joinable!(terms_acceptances -> freelancers (freelancer_id));
diesel::joinable!(terms_texts -> terms_versions (version));
diesel::joinable!(appeals -> freelancers (freelancer_id));
diesel::joinable!(support_tickets -> users (user_id));
diesel::joinable!(ticket_messages -> support_tickets (ticket_id));
diesel::joinable!(freelancers -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(email_verifications -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    user_roles,
    freelancers,
    refresh_tokens,
    auth_throttle,
    email_verifications,
    password_resets,
    audit_log,
    email_outbox,
    job_runs,
    app_clock,
    products,
    plans,
    invitations,
    applications,
    freelancer_profiles,
    profile_pictures,
    tax_forms,
    terms_versions,
    terms_acceptances,
    terms_texts,
    appeals,
    support_tickets,
    ticket_messages,
);
