//! VenueHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VenueHistory {
    pub id: String,
    pub tags: Vec<String>,
    pub score: f64,
    pub owner: String,
    pub status: String,
    pub label: String,
    pub kind: String,
    pub note: String,
    pub updated_at: i64,
    pub site_id: String,
}

impl VenueHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("venue_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("venue_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("venue_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("venue_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(VenueHistory::default().validate().is_err());
    }
}
