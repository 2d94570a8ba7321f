//! Billing and payments for the client: their invoices and credit notes, one with its
//! lines, and its PDF. Thin handlers over `invoices::service`; a client sees only their
//! own (anyone else's id answers 404), staff may open any.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::auth::AuthUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::invoices::service;
use crate::invoices::view::Invoice;
use crate::onboarding::model::BinaryFile;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;
use crate::web::locale::LangQuery;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_invoices).service(get_invoice).service(get_invoice_pdf);
}

/// The caller's invoices and credit notes with their lines, newest first.
#[utoipa::path(operation_id = "list_my_invoices",
    tag = "billing",
    params(PageParams),
    responses(
        (status = 200, body = Paginated<Invoice>),
        (status = 401, response = Unauthorized),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/customer/invoices")]
async fn list_invoices(
    state: web::Data<AppState>,
    user: AuthUser,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Invoice>>> {
    let page = page.parse()?;
    Ok(web::Json(service::list_mine(&state, &user, page).await?))
}

/// One invoice or credit note with its lines: the client it is billed to, or staff.
#[utoipa::path(operation_id = "get_my_invoice",
    tag = "billing",
    params(("id" = String, Path, description = "The invoice id", example = "inv_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    responses(
        (status = 200, body = Invoice),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/customer/invoices/{id}")]
async fn get_invoice(state: web::Data<AppState>, user: AuthUser, id: web::Path<String>) -> AppResult<web::Json<Invoice>> {
    Ok(web::Json(service::get(&state, &user, id.into_inner()).await?))
}

/// The invoice or credit note as an A4 PDF (`inline`, named `invoice-2026-000001.pdf` or
/// `credit-note-2026-000002.pdf`), worded in the caller's language or in `?lang=`.
#[utoipa::path(operation_id = "get_my_invoice_pdf",
    tag = "billing",
    params(("id" = String, Path, description = "The invoice id", example = "inv_Zx8Kq2Lm4Np6Rs0Tv1Wy"), LangQuery),
    responses(
        (status = 200, description = "The PDF", content((inline(BinaryFile) = "application/pdf")),
            headers(("Content-Disposition" = String, description = "`inline; filename=\"invoice-2026-000001.pdf\"`"))),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/customer/invoices/{id}/pdf")]
async fn get_invoice_pdf(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<String>,
    lang: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    let locale = lang.for_user(&state, &user.id, &req).await;
    let (filename, bytes) = service::pdf(&state, &user, id.into_inner(), locale).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::CONTENT_DISPOSITION, format!("inline; filename=\"{filename}\"")))
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .body(bytes))
}
