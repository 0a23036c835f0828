//! PartnerHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PartnerHistory {
    pub id: String,
    pub kind: String,
    pub note: String,
    pub tags: Vec<String>,
    pub score: f64,
    pub created_at: i64,
    pub owner: String,
    pub label: String,
    pub status: String,
    pub updated_at: i64,
}

impl PartnerHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("partner_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("partner_history: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("partner_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("partner_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("partner_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PartnerHistory::default().validate().is_err());
    }
}
