//! SponsorOverlay: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SponsorOverlay {
    pub id: String,
    pub label: String,
    pub site_id: String,
    pub status: String,
    pub revision: i64,
    pub kind: String,
    pub note: String,
    pub tags: Vec<String>,
    pub score: f64,
}

impl SponsorOverlay {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("sponsor_overlay: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("sponsor_overlay: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("sponsor_overlay: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("sponsor_overlay:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SponsorOverlay::default().validate().is_err());
    }
}
