//! CustomsHoldHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomsHoldHistory {
    pub id: String,
    pub score: f64,
    pub note: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub label: String,
    pub site_id: String,
}

impl CustomsHoldHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("customs_hold_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("customs_hold_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("customs_hold_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CustomsHoldHistory::default().validate().is_err());
    }
}
