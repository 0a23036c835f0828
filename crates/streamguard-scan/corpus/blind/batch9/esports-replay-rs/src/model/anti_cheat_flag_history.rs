//! AntiCheatFlagHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AntiCheatFlagHistory {
    pub id: String,
    pub site_id: String,
    pub kind: String,
    pub owner: String,
    pub label: String,
    pub tags: Vec<String>,
}

impl AntiCheatFlagHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("anti_cheat_flag_history: id is required".into());
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("anti_cheat_flag_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(AntiCheatFlagHistory::default().validate().is_err());
    }
}
