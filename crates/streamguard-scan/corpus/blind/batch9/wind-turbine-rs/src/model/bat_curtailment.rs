//! BatCurtailment: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BatCurtailment {
    pub id: String,
    pub updated_at: i64,
    pub status: String,
    pub owner: String,
    pub revision: i64,
    pub site_id: String,
    pub note: String,
    pub score: f64,
    pub label: String,
}

impl BatCurtailment {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("bat_curtailment: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("bat_curtailment: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("bat_curtailment: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("bat_curtailment: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("bat_curtailment:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BatCurtailment::default().validate().is_err());
    }
}
