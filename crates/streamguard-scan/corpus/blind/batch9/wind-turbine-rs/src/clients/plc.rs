//! Turbine PLC access through the farm's OPC UA bridge (HTTP).
use std::time::Duration;

#[derive(Clone)]
pub struct Plc {
    http: reqwest::Client,
    base: String,
}

#[derive(Debug, serde::Deserialize)]
pub struct Snapshot {
    pub wind_ms: f32,
    pub rotor_rpm: f32,
    pub power_kw: f32,
    pub pitch_deg: f32,
    pub mode: String,
    pub ts: i64,
}

impl Plc {
    pub fn new(base: String) -> Self {
        Self { http: reqwest::Client::new(), base }
    }

    pub async fn snapshot(&self, turbine: &str, budget: Duration) -> anyhow::Result<Snapshot> {
        Ok(self.http.get(format!("{}/turbines/{turbine}/snapshot", self.base)).timeout(budget).send().await?.error_for_status()?.json().await?)
    }

    pub async fn set_pitch(&self, turbine: &str, deg: f32, budget: Duration) -> anyhow::Result<()> {
        self.http
            .put(format!("{}/turbines/{turbine}/pitch", self.base))
            .json(&serde_json::json!({ "deg": deg }))
            .timeout(budget)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
