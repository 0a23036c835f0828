//! BladeInspectionHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BladeInspectionHistory {
    pub id: String,
    pub score: f64,
    pub kind: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub tags: Vec<String>,
}

impl BladeInspectionHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("blade_inspection_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("blade_inspection_history: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("blade_inspection_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("blade_inspection_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("blade_inspection_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BladeInspectionHistory::default().validate().is_err());
    }
}
