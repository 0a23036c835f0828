//! StowageSlotHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StowageSlotHistory {
    pub id: String,
    pub updated_at: i64,
    pub kind: String,
    pub owner: String,
    pub created_at: i64,
    pub site_id: String,
    pub label: String,
}

impl StowageSlotHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("stowage_slot_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("stowage_slot_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("stowage_slot_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("stowage_slot_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(StowageSlotHistory::default().validate().is_err());
    }
}
