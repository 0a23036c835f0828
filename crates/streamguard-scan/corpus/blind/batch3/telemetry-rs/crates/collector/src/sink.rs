use std::time::Duration;

use crate::pb::Reading;

#[derive(Clone)]
pub struct QuestDbSink {
    http: reqwest::Client,
    url: String,
}

impl QuestDbSink {
    pub fn new(base: &str) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(16)
            .build()?;
        Ok(Self { http, url: format!("{}/write?precision=ms", base.trim_end_matches('/')) })
    }

    pub async fn write(&self, fleet: &str, batch: &[Reading]) -> anyhow::Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let body: String = batch
            .iter()
            .map(|r| format!("readings,fleet={},device={},metric={} value={} {}\n", fleet, r.device_id, r.metric, r.value, r.ts_ms))
            .collect();
        self.http.post(&self.url).body(body).send().await?.error_for_status()?;
        Ok(())
    }
}
