//! PpaSettlementHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PpaSettlementHistory {
    pub id: String,
    pub score: f64,
    pub created_at: i64,
    pub site_id: String,
    pub revision: i64,
    pub status: String,
}

impl PpaSettlementHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("ppa_settlement_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("ppa_settlement_history: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("ppa_settlement_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("ppa_settlement_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("ppa_settlement_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PpaSettlementHistory::default().validate().is_err());
    }
}
