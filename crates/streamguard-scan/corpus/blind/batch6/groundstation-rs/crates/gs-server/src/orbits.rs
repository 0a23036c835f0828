//! Pass prediction from the latest TLEs (SGP4 runs in the tle-cache sidecar,
//! which writes precomputed passes to a JSON file every hour).

use std::collections::HashMap;
use std::path::PathBuf;

use gs_proto::v1::Pass;

#[derive(Clone)]
pub struct Propagator {
    pub passes_file: PathBuf,
}

#[derive(serde::Deserialize)]
struct PassRow {
    station: String,
    aos: i64,
    los: i64,
    el: f64,
}

impl Propagator {
    pub fn passes(&self, spacecraft: &str, hours: u32) -> anyhow::Result<Vec<Pass>> {
        let raw = std::fs::read(&self.passes_file)?;
        let all: HashMap<String, Vec<PassRow>> = serde_json::from_slice(&raw)?;
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis() as i64;
        let until = now + i64::from(hours) * 3_600_000;
        let rows = all.get(spacecraft).ok_or_else(|| anyhow::anyhow!("unknown spacecraft {spacecraft}"))?;
        Ok(rows
            .iter()
            .filter(|p| p.los >= now && p.aos <= until)
            .map(|p| Pass { station: p.station.clone(), aos_unix_ms: p.aos, los_unix_ms: p.los, max_elevation_deg: p.el })
            .collect())
    }
}
