//! Prometheus metrics: request counts and latency by route, and job runs.

use once_cell::sync::Lazy;
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder};

pub static REGISTRY: Lazy<Registry> = Lazy::new(Registry::new);

static REQUESTS: Lazy<IntCounterVec> = Lazy::new(|| {
    let c =
        IntCounterVec::new(Opts::new("http_requests_total", "HTTP requests by method, route and status"), &["method", "route", "status"])
            .expect("metric");
    REGISTRY.register(Box::new(c.clone())).expect("register");
    c
});

static LATENCY: Lazy<HistogramVec> = Lazy::new(|| {
    let h = HistogramVec::new(
        HistogramOpts::new("http_request_duration_seconds", "HTTP request latency by method and route")
            .buckets(vec![0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0]),
        &["method", "route"],
    )
    .expect("metric");
    REGISTRY.register(Box::new(h.clone())).expect("register");
    h
});

static JOB_RUNS: Lazy<IntCounterVec> = Lazy::new(|| {
    let c = IntCounterVec::new(Opts::new("job_runs_total", "Background job runs by job and outcome"), &["job", "outcome"]).expect("metric");
    REGISTRY.register(Box::new(c.clone())).expect("register");
    c
});

pub fn observe_request(method: &str, route: &str, status: u16, seconds: f64) {
    REQUESTS.with_label_values(&[method, route, &status.to_string()]).inc();
    LATENCY.with_label_values(&[method, route]).observe(seconds);
}

pub fn job_run(job: &str, outcome: &str) {
    JOB_RUNS.with_label_values(&[job, outcome]).inc();
}

pub fn render() -> String {
    Lazy::force(&REQUESTS);
    Lazy::force(&LATENCY);
    Lazy::force(&JOB_RUNS);
    let mut buf = Vec::new();
    let _ = TextEncoder::new().encode(&REGISTRY.gather(), &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}
