//! SparePart: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SparePart {
    pub id: String,
    pub note: String,
    pub kind: String,
    pub revision: i64,
    pub score: f64,
    pub created_at: i64,
    pub site_id: String,
}

impl SparePart {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("spare_part: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("spare_part: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("spare_part: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("spare_part: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("spare_part:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SparePart::default().validate().is_err());
    }
}
