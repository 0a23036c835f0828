//! Plant floor bridge (OPC UA gateway over HTTP), used inside the guarded streams.
use std::time::Duration;

use crate::pb::ExtractorState;

#[derive(Clone)]
pub struct Plant {
    pub http: reqwest::Client,
    pub base: String,
}

impl Plant {
    pub async fn read_line(&self, line: &str, remaining: Option<Duration>) -> reqwest::Result<Vec<ExtractorState>> {
        let mut req = self.http.get(format!("{}/lines/{line}/machines", self.base));
        if let Some(r) = remaining {
            req = req.timeout(r);
        }
        let rows: Vec<(String, u32, f32, String, i64)> = req.send().await?.error_for_status()?.json().await?;
        Ok(rows
            .into_iter()
            .map(|(machine_id, rpm, temp_c, phase, unix_ms)| ExtractorState { machine_id, rpm, temp_c, phase, unix_ms })
            .collect())
    }

    /// `remaining` is the caller's remaining deadline (None when the caller set none).
    pub async fn command(&self, machine: &str, action: &str, value: u32, remaining: Option<Duration>) -> reqwest::Result<String> {
        let mut req = self
            .http
            .post(format!("{}/machines/{machine}/commands", self.base))
            .json(&serde_json::json!({"action": action, "value": value}));
        if let Some(r) = remaining {
            req = req.timeout(r);
        }
        req.send()
            .await?
            .error_for_status()?
            .text()
            .await
    }
}
