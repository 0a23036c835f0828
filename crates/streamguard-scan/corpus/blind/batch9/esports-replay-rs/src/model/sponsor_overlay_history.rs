//! SponsorOverlayHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SponsorOverlayHistory {
    pub id: String,
    pub score: f64,
    pub status: String,
    pub updated_at: i64,
    pub label: String,
    pub kind: String,
    pub created_at: i64,
    pub note: String,
}

impl SponsorOverlayHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("sponsor_overlay_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("sponsor_overlay_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("sponsor_overlay_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("sponsor_overlay_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("sponsor_overlay_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SponsorOverlayHistory::default().validate().is_err());
    }
}
