//! PatchVersion: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PatchVersion {
    pub id: String,
    pub tags: Vec<String>,
    pub kind: String,
    pub owner: String,
    pub note: String,
    pub score: f64,
    pub site_id: String,
}

impl PatchVersion {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("patch_version: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("patch_version: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("patch_version:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PatchVersion::default().validate().is_err());
    }
}
