//! ScadaRow: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScadaRow {
    pub id: String,
    pub site_id: String,
    pub created_at: i64,
    pub owner: String,
    pub label: String,
    pub updated_at: i64,
    pub revision: i64,
    pub score: f64,
}

impl ScadaRow {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("scada_row: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("scada_row: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("scada_row: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("scada_row: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("scada_row: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("scada_row:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ScadaRow::default().validate().is_err());
    }
}
