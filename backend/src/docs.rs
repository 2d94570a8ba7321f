//! Reusable error responses for `#[utoipa::path]`: every route lists the problems it can
//! answer with, so clients (and schemathesis) can rely on the spec.

use utoipa::ToResponse;

use crate::error::Problem;

#[derive(ToResponse)]
#[response(
    description = "Malformed request: unreadable JSON, a missing field or a bad query parameter.",
    content_type = "application/problem+json"
)]
pub struct BadRequest(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(description = "No valid credentials (code `unauthenticated`).", content_type = "application/problem+json")]
pub struct Unauthorized(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Signed in, but not allowed (code `forbidden`, or `not_eligible` with `missing_steps`).",
    content_type = "application/problem+json"
)]
pub struct Forbidden(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(description = "No such resource, or not yours.", content_type = "application/problem+json")]
pub struct NotFound(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(description = "Conflicts with the current state.", content_type = "application/problem+json")]
pub struct Conflict(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(description = "The body is larger than the limit (64 KiB for JSON).", content_type = "application/problem+json")]
pub struct PayloadTooLarge(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(description = "The body must be `application/json`.", content_type = "application/problem+json")]
pub struct UnsupportedMediaType(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(description = "Invalid fields (code `validation_failed`, details in `errors[]`).", content_type = "application/problem+json")]
pub struct Unprocessable(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Too many attempts (code `rate_limited`).",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))
)]
pub struct TooManyRequests(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(description = "Not ready: the database is unreachable or migrations are pending.", content_type = "application/problem+json")]
pub struct Unavailable(#[allow(dead_code)] Problem);
