//! PtiRecord: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PtiRecord {
    pub id: String,
    pub owner: String,
    pub note: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub score: f64,
    pub label: String,
}

impl PtiRecord {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("pti_record: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("pti_record: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("pti_record: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("pti_record: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("pti_record:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PtiRecord::default().validate().is_err());
    }
}
