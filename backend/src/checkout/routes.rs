//! `POST /checkout`: a thin handler over `checkout::service`.

use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::checkout::model::{Buyer, CheckoutRequest, CheckoutResult};
use crate::checkout::service;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::idempotency::IdempotencyKey;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(checkout);
}

/// Buy a plan: charge the payment method, then create the order, the paid invoice and
/// the `pending` subscription (active once the Microsoft account is set up and the
/// partnership accepted), and email the client and the referring freelancer.
///
/// Send an `Idempotency-Key` (a UUID) to make retries safe: the same key and body replay
/// the first answer (`Idempotent-Replayed: true`), a different body is 422
/// `idempotency_key_reused`, a key still being processed is 409 `idempotency_key_in_use`.
/// Keys belong to the caller and are kept 24 hours. A decline is answered (and replayed)
/// as 402 and creates nothing but the failed payment attempt.
#[utoipa::path(operation_id = "checkout",
    tag = "storefront",
    params(("Idempotency-Key" = Option<String>, Header, description = "1 to 255 printable ASCII characters, e.g. a UUID", example = "9b2f6a4e-3c1d-4e5f-8a7b-0c9d8e7f6a5b")),
    request_body = CheckoutRequest,
    responses(
        (status = 201, description = "Paid: the order, the `pending` subscription and the paid invoice", body = CheckoutResult,
            headers(("Idempotent-Replayed" = String, description = "`true` when this is the stored answer to an earlier request with the same key"))),
        (status = 400, description = "Malformed body, or an `Idempotency-Key` that is not 1 to 255 printable ASCII characters (code `invalid_idempotency_key`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 402, description = "The card was refused (code `card_declined` or `insufficient_funds`); nothing was charged", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only customers (and freelancers buying for a client) can buy (code `forbidden`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "A request with this key is still being processed (code `idempotency_key_in_use`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (code `validation_failed`: a plan not on sale, seats outside 1–50, an unknown payment method…), or the key was used for a different request (code `idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The payment provider could not be reached (code `payment_unavailable`); retry with the same key", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/checkout")]
async fn checkout(state: web::Data<AppState>, req: HttpRequest, buyer: Buyer, body: Json<serde_json::Value>) -> AppResult<HttpResponse> {
    let key = IdempotencyKey::from_request(&req)?;
    let (stored, replayed) = service::checkout(&state, &buyer.0, key, body.into_inner()).await?;
    Ok(stored.into_response(replayed))
}
