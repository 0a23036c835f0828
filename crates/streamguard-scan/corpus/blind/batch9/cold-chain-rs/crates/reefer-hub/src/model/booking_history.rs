//! BookingHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BookingHistory {
    pub id: String,
    pub revision: i64,
    pub updated_at: i64,
    pub label: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub status: String,
}

impl BookingHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("booking_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("booking_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("booking_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("booking_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BookingHistory::default().validate().is_err());
    }
}
