use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;

pub struct Config {
    pub listen: SocketAddr,
    pub jwt_secret: Vec<u8>,
    pub risk_url: String,
    pub risk_timeout: Duration,
    pub handler_timeout: Duration,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let listen = std::env::var("OB_LISTEN").unwrap_or_else(|_| "0.0.0.0:50090".into());
        Ok(Self {
            listen: listen.parse().with_context(|| format!("OB_LISTEN={listen} is not host:port"))?,
            jwt_secret: std::env::var("OB_JWT_SECRET")
                .context("OB_JWT_SECRET must hold the HS256 secret shared with the login service")?
                .into_bytes(),
            risk_url: std::env::var("OB_RISK_URL").unwrap_or_else(|_| "http://risk:50091".into()),
            risk_timeout: Duration::from_millis(
                std::env::var("OB_RISK_TIMEOUT_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000),
            ),
            handler_timeout: Duration::from_secs(30),
        })
    }
}
