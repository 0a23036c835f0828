//! Terminal: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Terminal {
    pub id: String,
    pub kind: String,
    pub note: String,
    pub status: String,
    pub site_id: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Terminal {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("terminal: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("terminal: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("terminal: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("terminal:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Terminal::default().validate().is_err());
    }
}
