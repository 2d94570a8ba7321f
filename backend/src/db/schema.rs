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
    login_attempts (id) {
        id -> Text,
        scope_key -> Text,
        attempted_at -> Timestamp,
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
        locked_by -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    job_runs (id) {
        id -> Text,
        job -> Text,
        triggered_by -> Text,
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

diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(freelancers -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    user_roles,
    freelancers,
    refresh_tokens,
    login_attempts,
    audit_log,
    email_outbox,
    job_runs,
    app_clock,
);
