//! MetMast: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetMast {
    pub id: String,
    pub revision: i64,
    pub updated_at: i64,
    pub label: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub kind: String,
    pub score: f64,
    pub site_id: String,
}

impl MetMast {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("met_mast: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("met_mast: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("met_mast: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("met_mast: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("met_mast:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MetMast::default().validate().is_err());
    }
}
