//! ForecastHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ForecastHistory {
    pub id: String,
    pub tags: Vec<String>,
    pub note: String,
    pub score: f64,
    pub owner: String,
    pub kind: String,
    pub status: String,
}

impl ForecastHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("forecast_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("forecast_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("forecast_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ForecastHistory::default().validate().is_err());
    }
}
