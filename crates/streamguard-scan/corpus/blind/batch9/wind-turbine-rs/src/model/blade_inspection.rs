//! BladeInspection: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BladeInspection {
    pub id: String,
    pub kind: String,
    pub label: String,
    pub owner: String,
    pub score: f64,
    pub updated_at: i64,
}

impl BladeInspection {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("blade_inspection: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("blade_inspection: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("blade_inspection: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("blade_inspection:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BladeInspection::default().validate().is_err());
    }
}
