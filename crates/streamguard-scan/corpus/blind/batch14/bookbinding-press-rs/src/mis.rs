//! Client of the print MIS REST API (job tickets and progress).
use std::time::Duration;

use serde::Deserialize;

#[derive(Clone)]
pub struct Mis {
    base: String,
    http: reqwest::Client,
}

#[derive(Deserialize)]
pub struct Job {
    pub job_id: String,
    pub bindery: String,
    pub title: String,
    pub ordered: u32,
    pub bound: u32,
    pub state: String,
    pub trim_head_mm: u32,
    pub trim_foot_mm: u32,
}

impl Mis {
    pub fn new(base: String) -> Self {
        Self { base, http: reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap() }
    }

    pub async fn open_jobs(&self, bindery: &str) -> reqwest::Result<Vec<Job>> {
        self.http.get(format!("{}/binderies/{bindery}/jobs?open=1", self.base)).send().await?.json().await
    }

    pub async fn job(&self, job_id: &str) -> reqwest::Result<Job> {
        self.http.get(format!("{}/jobs/{job_id}", self.base)).send().await?.json().await
    }

    pub async fn report(&self, job_id: &str, press_id: &str, books_done: u32, state: &str) -> reqwest::Result<()> {
        self.http
            .post(format!("{}/jobs/{job_id}/progress", self.base))
            .json(&serde_json::json!({ "press": press_id, "done": books_done, "state": state }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn job_log(&self, job_id: &str, timeout: Duration) -> reqwest::Result<Vec<(i64, String, String)>> {
        self.http.get(format!("{}/jobs/{job_id}/log", self.base)).timeout(timeout).send().await?.json().await
    }
}
