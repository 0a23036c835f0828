use std::time::Duration;

#[derive(Clone)]
pub struct CloudUplink {
    http: reqwest::Client,
    url: String,
}

impl CloudUplink {
    pub fn new(url: String) -> Self {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("static reqwest config");
        Self { http, url }
    }

    pub async fn upload(&self, site: &str, batch: Vec<u8>) -> Result<(), reqwest::Error> {
        self.http
            .post(format!("{}/sites/{site}/frames", self.url))
            .body(batch)
            .send()
            .await?
            .error_for_status()
            .map(|_| ())
    }
}
