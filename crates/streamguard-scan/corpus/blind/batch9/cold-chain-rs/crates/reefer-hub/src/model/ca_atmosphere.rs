//! CaAtmosphere: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaAtmosphere {
    pub id: String,
    pub note: String,
    pub updated_at: i64,
    pub score: f64,
    pub label: String,
    pub site_id: String,
    pub kind: String,
    pub owner: String,
    pub created_at: i64,
}

impl CaAtmosphere {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("ca_atmosphere: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("ca_atmosphere: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("ca_atmosphere: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("ca_atmosphere: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("ca_atmosphere:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CaAtmosphere::default().validate().is_err());
    }
}
