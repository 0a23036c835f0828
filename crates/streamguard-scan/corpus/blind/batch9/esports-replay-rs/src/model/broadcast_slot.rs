//! BroadcastSlot: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BroadcastSlot {
    pub id: String,
    pub updated_at: i64,
    pub revision: i64,
    pub status: String,
    pub owner: String,
}

impl BroadcastSlot {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("broadcast_slot: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("broadcast_slot: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("broadcast_slot: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("broadcast_slot:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BroadcastSlot::default().validate().is_err());
    }
}
