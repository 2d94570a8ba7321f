//! Onboarding rules: the resumable profile (personal and business sections), the
//! profile picture, and the W-9 with its encrypted TIN. Every change that can complete
//! onboarding re-evaluates eligibility in the same transaction.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::NaiveDateTime;
use validator::Validate;

use crate::audit::{AuditAction, AuditEntry};
use crate::clock::utc;
use crate::db::DbConnection;
use crate::domain::ids::plain_id;
use crate::error::{AppError, AppResult, FieldError};
use crate::freelancers::{eligibility, FreelancerCaller};
use crate::onboarding::crypto;
use crate::onboarding::model::*;
use crate::onboarding::picture::{self, Processed};
use crate::onboarding::store;
use crate::onboarding::tin::{mask, Tin};
use crate::state::AppState;

pub const PICTURE_PATH: &str = "/api/v1/profile-pictures";

fn picture_url(id: &str) -> String {
    format!("{PICTURE_PATH}/{id}")
}

fn json_list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    serde_json::from_str(text).unwrap_or_default()
}

fn to_json<T: serde::Serialize>(v: &T) -> AppResult<String> {
    serde_json::to_string(v).map_err(|e| AppError::internal(format!("json: {e}")))
}

fn blank_profile(freelancer_id: &str, full_name: String, now: chrono::NaiveDateTime) -> ProfileRow {
    ProfileRow {
        freelancer_id: freelancer_id.to_string(),
        full_name,
        display_name: None,
        display_name_key: None,
        description: String::new(),
        languages: "[]".into(),
        country: None,
        occupation: String::new(),
        skills: "[]".into(),
        education: "[]".into(),
        certifications: "[]".into(),
        picture_id: None,
        personal_completed_at: None,
        business_completed_at: None,
        updated_at: now,
    }
}

/// The profile before the first save: the account's name, and the country and
/// certifications from the application (onboarding follows an approved one).
fn prefilled_profile(conn: &mut DbConnection, freelancer_id: &str, user_id: &str, now: NaiveDateTime) -> AppResult<ProfileRow> {
    let mut row = blank_profile(freelancer_id, store::user_full_name(conn, user_id)?, now);
    if let Some(answers) = crate::applications::service::answers_in(conn, freelancer_id)? {
        row.country = Some(answers.country).filter(|c| crate::onboarding::places::is_country(c));
        row.certifications = to_json(&answers.certifications)?;
    }
    Ok(row)
}

fn profile_dto(row: &ProfileRow, saved: bool) -> Profile {
    Profile {
        personal: PersonalInfo {
            full_name: row.full_name.clone(),
            display_name: row.display_name.clone(),
            description: row.description.clone(),
            languages: json_list(&row.languages),
            country: row.country.clone(),
        },
        business: BusinessInfo {
            occupation: Some(row.occupation.clone()).filter(|o| !o.is_empty()),
            skills: json_list(&row.skills),
            education: json_list(&row.education),
            certifications: json_list(&row.certifications),
        },
        picture_url: row.picture_id.as_deref().map(picture_url),
        completed: ProfileCompletion { personal: row.personal_completed_at.is_some(), business: row.business_completed_at.is_some() },
        updated_at: saved.then(|| utc(row.updated_at)),
    }
}

pub async fn get_profile(state: &AppState, caller: &FreelancerCaller) -> AppResult<Profile> {
    let (fid, uid) = (caller.freelancer.id.clone(), caller.user.id.clone());
    let now = state.clock.now_naive();
    state
        .db
        .run(move |conn| match store::profile(conn, &fid)? {
            Some(row) => Ok(profile_dto(&row, true)),
            None => Ok(profile_dto(&prefilled_profile(conn, &fid, &uid, now)?, false)),
        })
        .await
}

/// Trims list items; a blank item is an error on `field`.
fn trimmed_items(items: Vec<String>, field: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let out: Vec<String> = items.into_iter().map(|s| s.trim().to_string()).collect();
    if out.iter().any(String::is_empty) {
        errors.push(FieldError { field: field.into(), message: "Remove the blank entries.".into() });
    }
    out
}

fn not_blank(value: &str, field: &str, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError { field: field.into(), message: "This field must not be blank.".into() });
    }
}

fn display_name_taken() -> AppError {
    let mut e = AppError::conflict("display_name_taken", "This display name is already taken by another freelancer.");
    e.errors = vec![FieldError { field: "personal.display_name".into(), message: "This display name is already taken.".into() }];
    e
}

/// The columns a save writes: only the sent fields, trimmed and checked.
fn changes(input: ProfileUpdate) -> AppResult<ProfileChanges> {
    let mut errors = Vec::new();
    let mut c = ProfileChanges::default();
    if let Some(p) = input.personal {
        if let Some(v) = p.full_name {
            not_blank(&v, "personal.full_name", &mut errors);
            c.full_name = Some(v.trim().to_string());
        }
        if let Some(v) = p.display_name {
            if v.trim() != v {
                errors.push(FieldError { field: "personal.display_name".into(), message: "Remove the space at the start or end.".into() });
            }
            c.display_name_key = Some(v.to_lowercase());
            c.display_name = Some(v);
        }
        if let Some(v) = p.description {
            c.description = Some(v.trim().to_string());
        }
        if let Some(v) = p.languages {
            let items = trimmed_items(v.into_iter().map(|l| l.0).collect(), "personal.languages", &mut errors);
            c.languages = Some(to_json(&items)?);
        }
        if let Some(v) = p.country {
            c.country = Some(v);
        }
    }
    if let Some(b) = input.business {
        if let Some(v) = b.occupation {
            not_blank(&v, "business.occupation", &mut errors);
            c.occupation = Some(v.trim().to_string());
        }
        if let Some(v) = b.skills {
            let items = trimmed_items(v.into_iter().map(|s| s.0).collect(), "business.skills", &mut errors);
            c.skills = Some(to_json(&items)?);
        }
        if let Some(v) = b.education {
            let items: Vec<Education> = v
                .into_iter()
                .enumerate()
                .map(|(i, e)| {
                    not_blank(&e.school, &format!("business.education[{i}].school"), &mut errors);
                    Education {
                        school: e.school.trim().to_string(),
                        degree: e.degree.map(|d| d.trim().to_string()).filter(|d| !d.is_empty()),
                        year: e.year,
                    }
                })
                .collect();
            c.education = Some(to_json(&items)?);
        }
        if let Some(v) = b.certifications {
            let items = trimmed_items(v.into_iter().map(|c| c.0).collect(), "business.certifications", &mut errors);
            c.certifications = Some(to_json(&items)?);
        }
    }
    if errors.is_empty() {
        Ok(c)
    } else {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        Err(AppError::validation(errors))
    }
}

/// Makes sure the freelancer has a profile row to update (race-free: see `store`).
fn ensure_profile(conn: &mut DbConnection, freelancer_id: &str, user_id: &str, now: NaiveDateTime) -> AppResult<()> {
    let first = prefilled_profile(conn, freelancer_id, user_id, now)?;
    store::insert_profile_if_missing(conn, &first)?;
    Ok(())
}

pub async fn update_profile(state: &AppState, caller: &FreelancerCaller, input: ProfileUpdate) -> AppResult<Profile> {
    input.validate()?;
    let changes = changes(input)?;
    let (fid, uid) = (caller.freelancer.id.clone(), caller.user.id.clone());
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            if changes.is_empty() {
                // Nothing to save: answer with what is there rather than create a row.
                return match store::profile(conn, &fid)? {
                    Some(row) => Ok(profile_dto(&row, true)),
                    None => Ok(profile_dto(&prefilled_profile(conn, &fid, &uid, now)?, false)),
                };
            }
            if let Some(key) = &changes.display_name_key {
                if store::display_name_taken(conn, key, &fid)? {
                    return Err(display_name_taken());
                }
            }
            ensure_profile(conn, &fid, &uid, now)?;
            // Two freelancers claiming one name at once: the unique key decides.
            store::update_profile(conn, &fid, &changes, now).map_err(|e| if e.code == "conflict" { display_name_taken() } else { e })?;
            store::stamp_completed_sections(conn, &fid, now)?;
            eligibility::refresh(conn, &fid, now)?;
            let row = store::profile(conn, &fid)?.ok_or_else(|| AppError::internal("profile row vanished inside its transaction"))?;
            Ok(profile_dto(&row, true))
        })
        .await
}

/// Decodes, checks and re-encodes an upload (off the async executor), then stores it as
/// the freelancer's picture, replacing the previous one.
pub async fn upload_picture(
    state: &AppState,
    caller: &FreelancerCaller,
    declared: image::ImageFormat,
    body: actix_web::web::Bytes,
) -> AppResult<PictureUploaded> {
    let processed: Processed = actix_web::web::block(move || picture::process(declared, &body))
        .await
        .map_err(|e| AppError::internal(format!("image task failed: {e}")))?
        .map_err(|message| AppError::field("picture", message))?;
    let (fid, uid) = (caller.freelancer.id.clone(), caller.user.id.clone());
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let pic = PictureRow {
                id: plain_id("pic"),
                freelancer_id: fid.clone(),
                content_type: processed.content_type.to_string(),
                width: processed.width as i32,
                height: processed.height as i32,
                data_base64: STANDARD.encode(&processed.bytes),
                created_at: now,
            };
            store::insert_picture(conn, &pic)?;
            ensure_profile(conn, &fid, &uid, now)?;
            // Concurrent uploads: each sets its picture and deletes the others while it
            // holds the profile row's lock (taken by the update), so they take turns and
            // the last one leaves exactly its own picture, referenced by the profile.
            if !store::set_picture(conn, &fid, &pic.id, now)? {
                return Err(AppError::internal("profile row missing after insert-if-missing"));
            }
            store::delete_other_pictures(conn, &fid, &pic.id)?;
            Ok(PictureUploaded { picture_url: picture_url(&pic.id), width: pic.width, height: pic.height, content_type: pic.content_type })
        })
        .await
}

/// A stored picture's content type and bytes.
pub async fn picture(state: &AppState, id: String) -> AppResult<(String, Vec<u8>)> {
    let row = state
        .db
        .run(move |conn| store::picture(conn, &id))
        .await?
        .ok_or_else(|| AppError::not_found("There is no profile picture with this id."))?;
    let bytes = STANDARD.decode(&row.data_base64).map_err(|e| AppError::internal(format!("stored picture {}: {e}", row.id)))?;
    Ok((row.content_type, bytes))
}

// ---------------------------------------------------------------------------------------
// W-9

fn tax_form_dto(row: &TaxFormRow) -> AppResult<TaxForm> {
    let kind = row.tin_type;
    Ok(TaxForm {
        legal_name: row.legal_name.clone(),
        business_name: row.business_name.clone(),
        tax_classification: row.tax_classification,
        address: UsAddress {
            line1: row.address_line1.clone(),
            line2: row.address_line2.clone(),
            city: row.city.clone(),
            state: row.state.clone(),
            zip: row.zip.clone(),
        },
        tin_type: kind,
        tin_masked: mask(kind, &row.tin_last4),
        signature_name: row.signature_name.clone(),
        signed_at: utc(row.signed_at),
        updated_at: utc(row.updated_at),
    })
}

/// What the audit log keeps of a W-9: no TIN beyond its masked form.
fn audit_view(row: &TaxFormRow) -> serde_json::Value {
    let masked = mask(row.tin_type, &row.tin_last4);
    serde_json::json!({
        "legal_name": row.legal_name,
        "business_name": row.business_name,
        "tax_classification": row.tax_classification,
        "city": row.city,
        "state": row.state,
        "tin_type": row.tin_type,
        "tin_masked": masked,
        "tin_key_id": row.tin_key_id,
        "signature_name": row.signature_name,
    })
}

/// Every rule of the form at once, so the client can show all errors together.
fn check_tax_form(input: &TaxFormInput) -> AppResult<Tin> {
    let mut errors = match input.validate() {
        Ok(()) => Vec::new(),
        Err(e) => AppError::from(e).errors,
    };
    not_blank(&input.legal_name, "legal_name", &mut errors);
    not_blank(&input.address.line1, "address.line1", &mut errors);
    not_blank(&input.address.city, "address.city", &mut errors);
    let tin = match Tin::parse(input.tin_type, &input.tin) {
        Ok(t) => Some(t),
        Err(message) => {
            errors.push(FieldError { field: "tin".into(), message: message.into() });
            None
        }
    };
    if !input.certify {
        errors.push(FieldError { field: "certify".into(), message: "Certify the statements of the W-9.".into() });
    }
    if input.signature_name.trim().to_lowercase() != input.legal_name.trim().to_lowercase() {
        errors.push(FieldError { field: "signature_name".into(), message: "Sign with your legal name, as entered above.".into() });
    }
    match tin {
        Some(tin) if errors.is_empty() => Ok(tin),
        _ => {
            errors.sort_by(|a, b| a.field.cmp(&b.field));
            errors.dedup();
            Err(AppError::validation(errors))
        }
    }
}

pub async fn get_tax_form(state: &AppState, caller: &FreelancerCaller) -> AppResult<TaxForm> {
    let fid = caller.freelancer.id.clone();
    let row =
        state.db.run(move |conn| store::tax_form(conn, &fid)).await?.ok_or_else(|| AppError::not_found("No W-9 has been saved yet."))?;
    tax_form_dto(&row)
}

pub async fn save_tax_form(state: &AppState, caller: &FreelancerCaller, input: TaxFormInput, ip: Option<String>) -> AppResult<TaxForm> {
    let tin = check_tax_form(&input)?;
    let fid = caller.freelancer.id.clone();
    let actor = caller.user.id.clone();
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let sealed = crypto::seal(&st.settings.encryption_key, &fid, tin.digits());
            let trim_opt = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            let row = TaxFormRow {
                freelancer_id: fid.clone(),
                legal_name: input.legal_name.trim().to_string(),
                business_name: trim_opt(input.business_name),
                tax_classification: input.tax_classification,
                address_line1: input.address.line1.trim().to_string(),
                address_line2: trim_opt(input.address.line2),
                city: input.address.city.trim().to_string(),
                state: input.address.state,
                zip: input.address.zip,
                tin_type: tin.kind(),
                tin_ciphertext: sealed.ciphertext,
                tin_key_id: sealed.key_id,
                tin_last4: tin.last4().to_string(),
                signature_name: input.signature_name.trim().to_string(),
                signed_at: now,
                signed_ip: ip.clone(),
                created_at: now,
                updated_at: now,
            };
            // First save: insert. Otherwise lock the saved form (the audit entry records
            // what this save replaces) and replace it.
            let existing = if store::insert_tax_form_if_missing(conn, &row)? {
                None
            } else {
                let before = store::tax_form_for_update(conn, &fid)?;
                store::replace_tax_form(conn, &row)?;
                before
            };
            let row = TaxFormRow { created_at: existing.as_ref().map(|e| e.created_at).unwrap_or(now), ..row };
            AuditEntry::new(Some(&actor), AuditAction::TaxFormSaved, "tax_form", &fid)
                .before(existing.as_ref().map(audit_view))
                .after(audit_view(&row))
                .ip(ip.as_deref())
                .write(conn, now)?;
            eligibility::refresh(conn, &fid, now)?;
            tax_form_dto(&row)
        })
        .await
}

/// For other slices (the referral landing page): how a freelancer appears to clients —
/// the display name (else the profile's full name, else the account's name, for
/// freelancers who skipped onboarding) and the picture's URL, if any.
pub fn public_card_in(conn: &mut DbConnection, freelancer_id: &str, user_id: &str) -> AppResult<(String, Option<String>)> {
    match store::profile(conn, freelancer_id)? {
        Some(row) => {
            let name = row.display_name.clone().filter(|d| !d.trim().is_empty()).unwrap_or(row.full_name);
            Ok((name, row.picture_id.as_deref().map(picture_url)))
        }
        None => Ok((store::user_full_name(conn, user_id)?, None)),
    }
}
