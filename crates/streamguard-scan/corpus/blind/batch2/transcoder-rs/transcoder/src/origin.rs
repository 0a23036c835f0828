use std::time::Duration;

use bytes::Bytes;
use tokio_stream::Stream;

const ORIGIN_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Origin {
    http: reqwest::Client,
    allow: Vec<String>,
}

impl Origin {
    pub fn new(allowlist: String) -> Self {
        Self {
            http: reqwest::Client::new(),
            allow: allowlist.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
        }
    }

    pub fn allowed(&self, url: &str) -> bool {
        self.allow.iter().any(|p| url.starts_with(p))
    }

    pub async fn get(&self, url: &str) -> reqwest::Result<impl Stream<Item = reqwest::Result<Bytes>>> {
        let resp = self.http.get(url).timeout(ORIGIN_TIMEOUT).send().await?.error_for_status()?;
        Ok(resp.bytes_stream())
    }
}
