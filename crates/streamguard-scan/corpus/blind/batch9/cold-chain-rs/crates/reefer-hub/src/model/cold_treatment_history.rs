//! ColdTreatmentHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ColdTreatmentHistory {
    pub id: String,
    pub owner: String,
    pub updated_at: i64,
    pub tags: Vec<String>,
    pub revision: i64,
    pub label: String,
}

impl ColdTreatmentHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("cold_treatment_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("cold_treatment_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("cold_treatment_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("cold_treatment_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ColdTreatmentHistory::default().validate().is_err());
    }
}
