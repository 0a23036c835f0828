//! ShadowFlicker: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ShadowFlicker {
    pub id: String,
    pub score: f64,
    pub created_at: i64,
    pub tags: Vec<String>,
    pub revision: i64,
    pub note: String,
    pub site_id: String,
    pub status: String,
    pub label: String,
    pub kind: String,
}

impl ShadowFlicker {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("shadow_flicker: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("shadow_flicker: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("shadow_flicker: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("shadow_flicker: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("shadow_flicker:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ShadowFlicker::default().validate().is_err());
    }
}
