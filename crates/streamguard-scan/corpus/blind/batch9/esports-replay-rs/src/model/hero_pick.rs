//! HeroPick: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HeroPick {
    pub id: String,
    pub score: f64,
    pub tags: Vec<String>,
    pub status: String,
    pub owner: String,
    pub updated_at: i64,
    pub note: String,
    pub revision: i64,
}

impl HeroPick {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("hero_pick: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("hero_pick: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("hero_pick: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("hero_pick: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("hero_pick:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(HeroPick::default().validate().is_err());
    }
}
