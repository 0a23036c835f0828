//! AvailabilityHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityHistory {
    pub id: String,
    pub updated_at: i64,
    pub created_at: i64,
    pub note: String,
    pub tags: Vec<String>,
}

impl AvailabilityHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("availability_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("availability_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("availability_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("availability_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(AvailabilityHistory::default().validate().is_err());
    }
}
