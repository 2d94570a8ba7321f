//! Operations: health probes, Prometheus metrics, and the per-request log line.

pub mod health;
pub mod metrics;
pub mod request_log;
