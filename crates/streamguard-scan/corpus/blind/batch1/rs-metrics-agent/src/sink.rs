use std::time::Duration;

use serde::Serialize;

use crate::proto::MetricPoint;

const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Sink {
    http: reqwest::Client,
    url: String,
}

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    labels: &'a std::collections::HashMap<String, String>,
    value: f64,
    ts_ms: i64,
}

impl Sink {
    pub fn new(url: String) -> Self {
        Self { http: reqwest::Client::new(), url }
    }

    pub async fn write(&self, tenant: &str, batch: &[MetricPoint]) -> Result<(), reqwest::Error> {
        let rows: Vec<Row<'_>> = batch
            .iter()
            .map(|p| Row { name: &p.name, labels: &p.labels, value: p.value, ts_ms: p.ts_ms })
            .collect();
        self.http
            .post(format!("{}/write?tenant={}", self.url, tenant))
            .timeout(WRITE_TIMEOUT)
            .json(&rows)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
