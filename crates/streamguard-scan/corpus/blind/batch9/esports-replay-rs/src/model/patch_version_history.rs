//! PatchVersionHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PatchVersionHistory {
    pub id: String,
    pub revision: i64,
    pub site_id: String,
    pub score: f64,
    pub owner: String,
    pub status: String,
    pub tags: Vec<String>,
    pub updated_at: i64,
    pub label: String,
    pub kind: String,
}

impl PatchVersionHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("patch_version_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("patch_version_history: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("patch_version_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("patch_version_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("patch_version_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PatchVersionHistory::default().validate().is_err());
    }
}
