/// Reads service log segments from the log bucket over HTTP range requests.
#[derive(Clone)]
pub struct LogBucket {
    http: reqwest::Client,
    base: String,
}

impl LogBucket {
    pub fn new(base: String) -> Self {
        Self { http: reqwest::Client::new(), base }
    }

    /// Returns the bytes of `service`'s live log from `offset` on (empty when nothing new).
    pub async fn read_from(&self, service: &str, offset: u64) -> Result<Vec<u8>, reqwest::Error> {
        let resp = self
            .http
            .get(format!("{}/{}/current.log", self.base, service))
            .header("range", format!("bytes={offset}-"))
            .send()
            .await?;
        if resp.status() == reqwest::StatusCode::RANGE_NOT_SATISFIABLE {
            return Ok(Vec::new());
        }
        Ok(resp.error_for_status()?.bytes().await?.to_vec())
    }
}
