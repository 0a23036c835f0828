//! PlugPointHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlugPointHistory {
    pub id: String,
    pub revision: i64,
    pub site_id: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub kind: String,
    pub updated_at: i64,
    pub note: String,
    pub label: String,
    pub created_at: i64,
}

impl PlugPointHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("plug_point_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("plug_point_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("plug_point_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("plug_point_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("plug_point_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PlugPointHistory::default().validate().is_err());
    }
}
