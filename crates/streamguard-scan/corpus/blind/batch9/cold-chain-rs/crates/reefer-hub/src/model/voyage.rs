//! Voyage: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Voyage {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub note: String,
    pub created_at: i64,
    pub revision: i64,
}

impl Voyage {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("voyage: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("voyage: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("voyage: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("voyage:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Voyage::default().validate().is_err());
    }
}
