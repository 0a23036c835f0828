//! Technician: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Technician {
    pub id: String,
    pub tags: Vec<String>,
    pub kind: String,
    pub site_id: String,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub revision: i64,
    pub score: f64,
}

impl Technician {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("technician: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("technician: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("technician: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("technician: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("technician: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("technician:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Technician::default().validate().is_err());
    }
}
