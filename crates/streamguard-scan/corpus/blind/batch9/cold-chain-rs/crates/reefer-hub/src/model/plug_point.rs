//! PlugPoint: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlugPoint {
    pub id: String,
    pub label: String,
    pub updated_at: i64,
    pub status: String,
    pub score: f64,
    pub tags: Vec<String>,
    pub site_id: String,
    pub note: String,
    pub owner: String,
}

impl PlugPoint {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("plug_point: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("plug_point: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("plug_point: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("plug_point:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PlugPoint::default().validate().is_err());
    }
}
