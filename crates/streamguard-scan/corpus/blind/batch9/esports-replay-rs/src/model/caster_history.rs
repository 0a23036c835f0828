//! CasterHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CasterHistory {
    pub id: String,
    pub updated_at: i64,
    pub label: String,
    pub tags: Vec<String>,
    pub note: String,
    pub revision: i64,
    pub site_id: String,
    pub status: String,
    pub owner: String,
    pub score: f64,
}

impl CasterHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("caster_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("caster_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("caster_history: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("caster_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("caster_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CasterHistory::default().validate().is_err());
    }
}
