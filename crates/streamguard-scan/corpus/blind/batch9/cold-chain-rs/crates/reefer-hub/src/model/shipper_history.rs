//! ShipperHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ShipperHistory {
    pub id: String,
    pub revision: i64,
    pub owner: String,
    pub status: String,
    pub score: f64,
    pub label: String,
    pub note: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub site_id: String,
}

impl ShipperHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("shipper_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("shipper_history: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("shipper_history: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("shipper_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("shipper_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("shipper_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ShipperHistory::default().validate().is_err());
    }
}
