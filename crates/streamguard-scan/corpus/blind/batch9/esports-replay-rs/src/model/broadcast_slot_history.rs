//! BroadcastSlotHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BroadcastSlotHistory {
    pub id: String,
    pub owner: String,
    pub label: String,
    pub kind: String,
    pub score: f64,
    pub updated_at: i64,
    pub status: String,
    pub site_id: String,
}

impl BroadcastSlotHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("broadcast_slot_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("broadcast_slot_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("broadcast_slot_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("broadcast_slot_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BroadcastSlotHistory::default().validate().is_err());
    }
}
