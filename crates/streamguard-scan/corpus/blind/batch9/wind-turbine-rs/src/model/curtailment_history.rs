//! CurtailmentHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CurtailmentHistory {
    pub id: String,
    pub score: f64,
    pub owner: String,
    pub status: String,
    pub revision: i64,
    pub tags: Vec<String>,
    pub site_id: String,
    pub created_at: i64,
}

impl CurtailmentHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("curtailment_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("curtailment_history: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("curtailment_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("curtailment_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("curtailment_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CurtailmentHistory::default().validate().is_err());
    }
}
