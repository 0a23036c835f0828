//! Clients of the mine's sensor gateway (HTTP), the fan drives (Modbus TCP) and the
//! gas-log archive (gRPC).

use std::net::SocketAddr;
use std::time::Duration;

use serde::Deserialize;
use tokio_modbus::prelude::*;

#[derive(Deserialize)]
pub struct ShaftAir {
    pub airflow_m3s: f64,
    pub ch4_percent: f64,
    pub co_ppm: f64,
}

#[derive(Clone)]
pub struct SensorGateway {
    base: String,
    http: reqwest::Client,
}

impl SensorGateway {
    pub fn new(base: String) -> Self {
        Self { base, http: reqwest::Client::new() }
    }

    pub async fn shaft_air(&self, shaft: &str) -> reqwest::Result<ShaftAir> {
        self.http
            .get(format!("{}/shafts/{}/air", self.base, shaft))
            .timeout(Duration::from_secs(30))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

/// Fan drives: holding register 100 + fan number is the speed set-point in percent.
#[derive(Clone)]
pub struct FanDrives {
    pub addr: SocketAddr,
}

impl FanDrives {
    pub async fn set_speed(&self, fan: u32, percent: u32) -> anyhow::Result<()> {
        let fut = async {
            let mut ctx = tcp::connect(self.addr).await?;
            ctx.write_single_register(100 + fan as u16, percent.min(100) as u16).await??;
            ctx.disconnect().await?;
            anyhow::Ok(())
        };
        tokio::time::timeout(Duration::from_secs(5), fut).await??;
        Ok(())
    }
}
