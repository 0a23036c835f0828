//! Client for the carrier's track-and-trace API.
use serde::Deserialize;
use std::time::Duration;

#[derive(Debug, Deserialize)]
pub struct TrackPoint {
    pub container_id: String,
    pub location: String,
    pub supply_c: f32,
    pub status: String,
    pub ts: i64,
}

#[derive(Clone)]
pub struct Tracking {
    http: reqwest::Client,
    base: String,
}

impl Tracking {
    pub fn new(base: String) -> Self {
        Self { http: reqwest::Client::new(), base }
    }

    pub async fn latest(&self, booking: &str) -> reqwest::Result<Vec<TrackPoint>> {
        self.http
            .get(format!("{}/bookings/{}/latest", self.base, booking))
            .timeout(Duration::from_secs(10))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
