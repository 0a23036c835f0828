//! Integrated library system client: check-in of returned items and routing rules.
use std::time::Duration;

use serde::Deserialize;

#[derive(Clone)]
pub struct Ils {
    http: reqwest::Client,
    base: String,
}

#[derive(Debug, Deserialize)]
pub struct Routing {
    pub bin: u32,
    pub reason: String,
}

impl Ils {
    pub fn new(base: String) -> Self {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("client");
        Self { http, base }
    }

    pub async fn route(&self, branch: &str, barcode: &str) -> reqwest::Result<Routing> {
        self.http
            .get(format!("{}/branches/{branch}/routing/{barcode}", self.base))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }

    pub async fn check_in(&self, branch: &str, barcode: &str) -> reqwest::Result<()> {
        self.http
            .post(format!("{}/branches/{branch}/checkins", self.base))
            .json(&serde_json::json!({ "barcode": barcode }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
