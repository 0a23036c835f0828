//! Seal: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Seal {
    pub id: String,
    pub status: String,
    pub updated_at: i64,
    pub kind: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub revision: i64,
    pub note: String,
}

impl Seal {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("seal: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("seal: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("seal: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("seal:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Seal::default().validate().is_err());
    }
}
