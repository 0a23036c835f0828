//! AntiCheatFlag: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AntiCheatFlag {
    pub id: String,
    pub revision: i64,
    pub created_at: i64,
    pub tags: Vec<String>,
    pub score: f64,
    pub site_id: String,
    pub note: String,
    pub updated_at: i64,
    pub label: String,
}

impl AntiCheatFlag {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("anti_cheat_flag: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("anti_cheat_flag: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("anti_cheat_flag: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("anti_cheat_flag: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("anti_cheat_flag: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("anti_cheat_flag:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(AntiCheatFlag::default().validate().is_err());
    }
}
