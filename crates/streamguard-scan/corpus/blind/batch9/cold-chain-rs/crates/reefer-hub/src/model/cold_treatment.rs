//! ColdTreatment: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ColdTreatment {
    pub id: String,
    pub label: String,
    pub status: String,
    pub kind: String,
    pub score: f64,
    pub created_at: i64,
    pub owner: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub revision: i64,
}

impl ColdTreatment {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("cold_treatment: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("cold_treatment: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("cold_treatment: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("cold_treatment: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("cold_treatment:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ColdTreatment::default().validate().is_err());
    }
}
