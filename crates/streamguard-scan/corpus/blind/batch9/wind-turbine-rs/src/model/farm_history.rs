//! FarmHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FarmHistory {
    pub id: String,
    pub updated_at: i64,
    pub owner: String,
    pub label: String,
    pub tags: Vec<String>,
    pub note: String,
}

impl FarmHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("farm_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("farm_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("farm_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(FarmHistory::default().validate().is_err());
    }
}
