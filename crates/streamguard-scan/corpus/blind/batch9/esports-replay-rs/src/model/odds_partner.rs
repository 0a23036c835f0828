//! OddsPartner: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OddsPartner {
    pub id: String,
    pub score: f64,
    pub kind: String,
    pub tags: Vec<String>,
    pub status: String,
}

impl OddsPartner {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("odds_partner: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("odds_partner: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("odds_partner:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(OddsPartner::default().validate().is_err());
    }
}
