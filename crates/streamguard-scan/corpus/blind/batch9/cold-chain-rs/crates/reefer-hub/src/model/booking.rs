//! Booking: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Booking {
    pub id: String,
    pub updated_at: i64,
    pub score: f64,
    pub label: String,
    pub created_at: i64,
    pub kind: String,
    pub site_id: String,
    pub status: String,
}

impl Booking {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("booking: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("booking: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("booking: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("booking: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("booking:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Booking::default().validate().is_err());
    }
}
