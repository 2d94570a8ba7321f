//! The edge below the slices, which every handler may use and which imports no slice:
//! body extractors (`json`, `extractors`), CSV exports (`csv`), `Idempotency-Key` (`idempotency`), text hygiene (`text`), the requested language (`locale`), and the client address
//! behind trusted proxies (`client_ip`). The SPA fallback and the spec-derived route
//! table sit beside `startup` (`crate::fallback`), because they read the OpenAPI
//! document and with it every route.

pub mod client_ip;
pub mod csv;
pub mod extractors;
pub mod idempotency;
pub mod json;
pub mod json_object;
pub mod locale;
pub mod text;
