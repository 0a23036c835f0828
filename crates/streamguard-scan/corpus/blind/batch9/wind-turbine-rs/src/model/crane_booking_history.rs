//! CraneBookingHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CraneBookingHistory {
    pub id: String,
    pub label: String,
    pub site_id: String,
    pub updated_at: i64,
    pub kind: String,
    pub note: String,
    pub status: String,
    pub tags: Vec<String>,
    pub revision: i64,
    pub score: f64,
}

impl CraneBookingHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("crane_booking_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("crane_booking_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("crane_booking_history: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("crane_booking_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("crane_booking_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CraneBookingHistory::default().validate().is_err());
    }
}
