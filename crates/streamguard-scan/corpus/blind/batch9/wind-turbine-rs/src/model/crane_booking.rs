//! CraneBooking: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CraneBooking {
    pub id: String,
    pub site_id: String,
    pub label: String,
    pub created_at: i64,
    pub note: String,
    pub updated_at: i64,
    pub owner: String,
    pub kind: String,
    pub tags: Vec<String>,
    pub revision: i64,
}

impl CraneBooking {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("crane_booking: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("crane_booking: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("crane_booking: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("crane_booking: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("crane_booking:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CraneBooking::default().validate().is_err());
    }
}
