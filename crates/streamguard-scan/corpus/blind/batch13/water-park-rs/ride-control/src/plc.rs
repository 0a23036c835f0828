use std::time::Duration;

/// HTTP bridge to the ride PLCs (one per ride, behind the maintenance VLAN).
#[derive(Clone)]
pub struct PlcClient {
    base: String,
    http: reqwest::Client,
}

impl PlcClient {
    pub fn new(base: String) -> Self {
        Self { base, http: reqwest::Client::builder().timeout(Duration::from_secs(3)).build().expect("client") }
    }

    pub async fn dispatch(&self, ride: &str, riders: u32) -> Result<(), reqwest::Error> {
        self.http
            .post(format!("{}/rides/{}/dispatch", self.base, ride))
            .json(&serde_json::json!({ "riders": riders }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn heartbeat(&self, ride: &str) -> Result<(), reqwest::Error> {
        self.http.post(format!("{}/rides/{}/operator-present", self.base, ride)).send().await?.error_for_status()?;
        Ok(())
    }
}
