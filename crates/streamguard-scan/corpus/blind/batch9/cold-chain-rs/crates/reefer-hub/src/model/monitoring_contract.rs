//! MonitoringContract: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MonitoringContract {
    pub id: String,
    pub note: String,
    pub created_at: i64,
    pub kind: String,
    pub owner: String,
    pub status: String,
}

impl MonitoringContract {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("monitoring_contract: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("monitoring_contract: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("monitoring_contract:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MonitoringContract::default().validate().is_err());
    }
}
