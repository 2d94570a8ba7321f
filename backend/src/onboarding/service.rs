//! Onboarding rules: the resumable profile (personal and business sections), the
//! profile picture, and the W-9 with its encrypted TIN. Every change that can complete
//! onboarding re-evaluates eligibility in the same transaction.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use validator::Validate;

use crate::audit::AuditEntry;
use crate::clock::utc;
use crate::domain::ids::plain_id;
use crate::error::{AppError, AppResult, FieldError};
use crate::freelancers::{eligibility, FreelancerCaller};
use crate::onboarding::crypto;
use crate::onboarding::model::*;
use crate::onboarding::picture::{self, Processed};
use crate::onboarding::store;
use crate::onboarding::tin::{mask, Tin, TinType};
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
        completed: ProfileCompletion {
            personal: row.personal_completed_at.is_some(),
            business: row.business_completed_at.is_some(),
        },
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
            None => Ok(profile_dto(&blank_profile(&fid, store::user_full_name(conn, &uid)?, now), false)),
        })
        .await
}

/// Trims list items; a blank item is an error on `field`.
fn trimmed_items(items: Vec<String>, field: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let out: Vec<String> = items.into_iter().map(|s| s.trim().to_string()).collect();
    if out.iter().any(String::is_empty) {
        errors.push(FieldError { field: field.into(), message: "must not contain blank items".into() });
    }
    out
}

fn not_blank(value: &str, field: &str, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError { field: field.into(), message: "must not be blank".into() });
    }
}

fn display_name_taken() -> AppError {
    let mut e = AppError::conflict("display_name_taken", "This display name is already taken by another freelancer.");
    e.errors = vec![FieldError { field: "personal.display_name".into(), message: "is already taken".into() }];
    e
}

/// Applies the sent sections onto `row` (fields left out keep their value).
fn apply(row: &mut ProfileRow, input: ProfileUpdate) -> AppResult<()> {
    let mut errors = Vec::new();
    if let Some(p) = input.personal {
        if let Some(v) = p.full_name {
            not_blank(&v, "personal.full_name", &mut errors);
            row.full_name = v.trim().to_string();
        }
        if let Some(v) = p.display_name {
            if v.trim() != v {
                errors.push(FieldError { field: "personal.display_name".into(), message: "must not start or end with a space".into() });
            }
            row.display_name_key = Some(v.to_lowercase());
            row.display_name = Some(v);
        }
        if let Some(v) = p.description {
            row.description = v.trim().to_string();
        }
        if let Some(v) = p.languages {
            let items = trimmed_items(v.into_iter().map(|l| l.0).collect(), "personal.languages", &mut errors);
            row.languages = to_json(&items)?;
        }
        if let Some(v) = p.country {
            row.country = Some(v);
        }
    }
    if let Some(b) = input.business {
        if let Some(v) = b.occupation {
            not_blank(&v, "business.occupation", &mut errors);
            row.occupation = v.trim().to_string();
        }
        if let Some(v) = b.skills {
            let items = trimmed_items(v.into_iter().map(|s| s.0).collect(), "business.skills", &mut errors);
            row.skills = to_json(&items)?;
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
            row.education = to_json(&items)?;
        }
        if let Some(v) = b.certifications {
            let items = trimmed_items(v.into_iter().map(|c| c.0).collect(), "business.certifications", &mut errors);
            row.certifications = to_json(&items)?;
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        Err(AppError::validation(errors))
    }
}

fn personal_complete(row: &ProfileRow) -> bool {
    row.display_name.is_some() && row.country.is_some() && !json_list::<String>(&row.languages).is_empty()
}

fn business_complete(row: &ProfileRow) -> bool {
    !row.occupation.is_empty() && !json_list::<String>(&row.skills).is_empty()
}

pub async fn update_profile(state: &AppState, caller: &FreelancerCaller, input: ProfileUpdate) -> AppResult<Profile> {
    input.validate()?;
    let (fid, uid) = (caller.freelancer.id.clone(), caller.user.id.clone());
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let existing = store::profile(conn, &fid)?;
            if existing.is_none() && input.personal.is_none() && input.business.is_none() {
                // Nothing to save: answer with the blank profile rather than create a row.
                return Ok(profile_dto(&blank_profile(&fid, store::user_full_name(conn, &uid)?, now), false));
            }
            let exists = existing.is_some();
            let mut row = match existing {
                Some(r) => r,
                None => blank_profile(&fid, store::user_full_name(conn, &uid)?, now),
            };
            apply(&mut row, input)?;
            if let Some(key) = &row.display_name_key {
                if store::display_name_taken(conn, key, &fid)? {
                    return Err(display_name_taken());
                }
            }
            if row.personal_completed_at.is_none() && personal_complete(&row) {
                row.personal_completed_at = Some(now);
            }
            if row.business_completed_at.is_none() && business_complete(&row) {
                row.business_completed_at = Some(now);
            }
            row.updated_at = now;
            store::save_profile(conn, &row, exists).map_err(|e| if e.code == "conflict" { display_name_taken() } else { e })?;
            eligibility::refresh(conn, &fid, now)?;
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
            let existing = store::profile(conn, &fid)?;
            let exists = existing.is_some();
            let mut row = match existing {
                Some(r) => r,
                None => blank_profile(&fid, store::user_full_name(conn, &uid)?, now),
            };
            row.picture_id = Some(pic.id.clone());
            row.updated_at = now;
            store::save_profile(conn, &row, exists)?;
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
    let kind = TinType::parse(&row.tin_type).ok_or_else(|| AppError::internal("stored tin_type is unknown"))?;
    Ok(TaxForm {
        legal_name: row.legal_name.clone(),
        business_name: row.business_name.clone(),
        tax_classification: TaxClassification::parse(&row.tax_classification)
            .ok_or_else(|| AppError::internal("stored tax_classification is unknown"))?,
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
    let masked = TinType::parse(&row.tin_type).map(|k| mask(k, &row.tin_last4));
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
        errors.push(FieldError { field: "certify".into(), message: "must be true: certify the statements of the W-9".into() });
    }
    if input.signature_name.trim().to_lowercase() != input.legal_name.trim().to_lowercase() {
        errors.push(FieldError { field: "signature_name".into(), message: "must be your legal name, as entered above".into() });
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
    let row = state
        .db
        .run(move |conn| store::tax_form(conn, &fid))
        .await?
        .ok_or_else(|| AppError::not_found("No W-9 has been saved yet."))?;
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
            let existing = store::tax_form(conn, &fid)?;
            let sealed = crypto::seal(&st.settings.encryption_key, &fid, tin.digits());
            let trim_opt = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            let row = TaxFormRow {
                freelancer_id: fid.clone(),
                legal_name: input.legal_name.trim().to_string(),
                business_name: trim_opt(input.business_name),
                tax_classification: input.tax_classification.as_str().to_string(),
                address_line1: input.address.line1.trim().to_string(),
                address_line2: trim_opt(input.address.line2),
                city: input.address.city.trim().to_string(),
                state: input.address.state,
                zip: input.address.zip,
                tin_type: tin.kind().as_str().to_string(),
                tin_ciphertext: sealed.ciphertext,
                tin_key_id: sealed.key_id,
                tin_last4: tin.last4().to_string(),
                signature_name: input.signature_name.trim().to_string(),
                signed_at: now,
                signed_ip: ip.clone(),
                created_at: existing.as_ref().map(|e| e.created_at).unwrap_or(now),
                updated_at: now,
            };
            store::save_tax_form(conn, &row, existing.is_some())?;
            AuditEntry::new(Some(&actor), "tax_form.saved", "tax_form", &fid)
                .before(existing.as_ref().map(audit_view))
                .after(audit_view(&row))
                .ip(ip.as_deref())
                .write(conn, now)?;
            eligibility::refresh(conn, &fid, now)?;
            tax_form_dto(&row)
        })
        .await
}
