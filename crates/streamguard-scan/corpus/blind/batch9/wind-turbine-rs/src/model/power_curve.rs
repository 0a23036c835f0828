//! PowerCurve: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PowerCurve {
    pub id: String,
    pub status: String,
    pub score: f64,
    pub created_at: i64,
    pub revision: i64,
    pub tags: Vec<String>,
    pub kind: String,
    pub site_id: String,
    pub label: String,
    pub owner: String,
}

impl PowerCurve {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("power_curve: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("power_curve: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("power_curve: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("power_curve: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("power_curve:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PowerCurve::default().validate().is_err());
    }
}
