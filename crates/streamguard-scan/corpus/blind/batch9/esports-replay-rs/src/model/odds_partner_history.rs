//! OddsPartnerHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OddsPartnerHistory {
    pub id: String,
    pub label: String,
    pub score: f64,
    pub updated_at: i64,
    pub revision: i64,
    pub site_id: String,
    pub kind: String,
    pub created_at: i64,
    pub status: String,
}

impl OddsPartnerHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("odds_partner_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("odds_partner_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("odds_partner_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("odds_partner_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("odds_partner_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("odds_partner_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(OddsPartnerHistory::default().validate().is_err());
    }
}
