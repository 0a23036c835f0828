pub mod layer;
pub mod session;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Staff {
    pub sub: String,
    pub exp: u64,
    pub jti: String,
    /// Cabinets this staff member may open.
    #[serde(default)]
    pub cabinets: Vec<String>,
    /// Highest controlled-substance schedule the user may dispense (2 = CII ... 5 = CV, 6 = none).
    #[serde(default = "no_controlled")]
    pub max_schedule: u8,
    #[serde(default)]
    pub role: String,
}

fn no_controlled() -> u8 {
    6
}

impl Staff {
    pub fn may_open(&self, cabinet: &str) -> bool {
        self.cabinets.iter().any(|c| c == cabinet)
    }
}
