//! MonitoringContractHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MonitoringContractHistory {
    pub id: String,
    pub kind: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub status: String,
    pub revision: i64,
    pub owner: String,
    pub created_at: i64,
    pub note: String,
    pub updated_at: i64,
}

impl MonitoringContractHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("monitoring_contract_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("monitoring_contract_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("monitoring_contract_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("monitoring_contract_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("monitoring_contract_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MonitoringContractHistory::default().validate().is_err());
    }
}
