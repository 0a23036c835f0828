//! Handover: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub id: String,
    pub status: String,
    pub updated_at: i64,
    pub kind: String,
    pub created_at: i64,
    pub tags: Vec<String>,
    pub revision: i64,
    pub note: String,
    pub score: f64,
}

impl Handover {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("handover: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("handover: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("handover: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("handover: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("handover: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("handover:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Handover::default().validate().is_err());
    }
}
