//! StowageSlot: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StowageSlot {
    pub id: String,
    pub kind: String,
    pub score: f64,
    pub site_id: String,
    pub status: String,
}

impl StowageSlot {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("stowage_slot: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("stowage_slot: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("stowage_slot:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(StowageSlot::default().validate().is_err());
    }
}
