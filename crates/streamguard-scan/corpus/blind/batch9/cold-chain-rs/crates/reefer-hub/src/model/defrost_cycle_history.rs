//! DefrostCycleHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DefrostCycleHistory {
    pub id: String,
    pub label: String,
    pub kind: String,
    pub status: String,
    pub owner: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub updated_at: i64,
}

impl DefrostCycleHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("defrost_cycle_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("defrost_cycle_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("defrost_cycle_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(DefrostCycleHistory::default().validate().is_err());
    }
}
