use std::time::Duration;

/// Uploads tool inputs to the blob store over HTTP and returns the blob id.
#[derive(Clone)]
pub struct BlobStore {
    http: reqwest::Client,
    base: String,
}

impl BlobStore {
    pub fn new(base: String) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build()?;
        Ok(Self { http, base })
    }

    pub async fn put(&self, tool: &str, body: Vec<u8>) -> Result<String, reqwest::Error> {
        let resp = self
            .http
            .post(format!("{}/blobs?tool={}", self.base, tool))
            .body(body)
            .send()
            .await?
            .error_for_status()?;
        resp.text().await
    }
}
