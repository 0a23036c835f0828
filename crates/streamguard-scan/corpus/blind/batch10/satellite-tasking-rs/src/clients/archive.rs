use std::time::Duration;

use tonic::Status;

/// Scene archive (HTTP range reads).
#[derive(Clone)]
pub struct Archive {
    pub http: reqwest::Client,
    pub base: String,
}

impl Archive {
    pub async fn range(&self, scene: &str, offset: u64, len: u64, remaining: Option<Duration>) -> Result<Vec<u8>, Status> {
        let mut req = self
            .http
            .get(format!("{}/scenes/{}", self.base, scene))
            .header("range", format!("bytes={}-{}", offset, offset + len - 1));
        if let Some(left) = remaining {
            req = req.timeout(left);
        }
        let resp = req.send().await.map_err(|e| Status::unavailable(e.to_string()))?;
        if resp.status() == reqwest::StatusCode::RANGE_NOT_SATISFIABLE {
            return Ok(Vec::new());
        }
        let resp = resp.error_for_status().map_err(|e| Status::unavailable(e.to_string()))?;
        Ok(resp.bytes().await.map_err(|e| Status::unavailable(e.to_string()))?.to_vec())
    }
}
