//! FaultCodeHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultCodeHistory {
    pub id: String,
    pub tags: Vec<String>,
    pub site_id: String,
    pub note: String,
    pub created_at: i64,
    pub owner: String,
}

impl FaultCodeHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("fault_code_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("fault_code_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("fault_code_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(FaultCodeHistory::default().validate().is_err());
    }
}
