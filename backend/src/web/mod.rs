//! Everything that is not an API handler: the SPA and `/docs` from `STATIC_DIR` with a
//! history fallback, and problem+json for unknown routes (404) and wrong methods (405,
//! with `Allow`, worked out from the spec's paths); and the edge every request passes:
//! body extractors, text hygiene (`text`), and the client address behind trusted
//! proxies (`client_ip`).

pub mod client_ip;
pub mod fallback;
pub mod extractors;
pub mod json;
pub mod json_object;
pub mod text;
