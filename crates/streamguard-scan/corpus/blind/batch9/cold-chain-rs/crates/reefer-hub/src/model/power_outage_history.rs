//! PowerOutageHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PowerOutageHistory {
    pub id: String,
    pub score: f64,
    pub kind: String,
    pub status: String,
    pub tags: Vec<String>,
}

impl PowerOutageHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("power_outage_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("power_outage_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("power_outage_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PowerOutageHistory::default().validate().is_err());
    }
}
