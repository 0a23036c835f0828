//! TechnicalIssue: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TechnicalIssue {
    pub id: String,
    pub label: String,
    pub revision: i64,
    pub note: String,
    pub kind: String,
    pub updated_at: i64,
}

impl TechnicalIssue {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("technical_issue: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("technical_issue: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("technical_issue: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("technical_issue:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TechnicalIssue::default().validate().is_err());
    }
}
