//! ShadowFlickerHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ShadowFlickerHistory {
    pub id: String,
    pub site_id: String,
    pub revision: i64,
    pub updated_at: i64,
    pub score: f64,
    pub status: String,
    pub label: String,
}

impl ShadowFlickerHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("shadow_flicker_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("shadow_flicker_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("shadow_flicker_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("shadow_flicker_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("shadow_flicker_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ShadowFlickerHistory::default().validate().is_err());
    }
}
