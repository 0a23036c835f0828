//! Turbine: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Turbine {
    pub id: String,
    pub label: String,
    pub tags: Vec<String>,
    pub status: String,
    pub updated_at: i64,
    pub score: f64,
    pub note: String,
    pub site_id: String,
    pub created_at: i64,
}

impl Turbine {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("turbine: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("turbine: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("turbine: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("turbine: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("turbine:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Turbine::default().validate().is_err());
    }
}
