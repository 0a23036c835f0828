//! NoiseMode: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NoiseMode {
    pub id: String,
    pub kind: String,
    pub revision: i64,
    pub site_id: String,
    pub owner: String,
    pub label: String,
    pub created_at: i64,
    pub note: String,
    pub score: f64,
}

impl NoiseMode {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("noise_mode: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("noise_mode: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("noise_mode: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("noise_mode: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("noise_mode:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(NoiseMode::default().validate().is_err());
    }
}
