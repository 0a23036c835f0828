//! ScadaRowHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScadaRowHistory {
    pub id: String,
    pub owner: String,
    pub tags: Vec<String>,
    pub kind: String,
    pub score: f64,
    pub note: String,
    pub status: String,
    pub label: String,
    pub revision: i64,
}

impl ScadaRowHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("scada_row_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("scada_row_history: score must not be negative, got {}", self.score));
        }
        if self.revision < 0 {
            return Err(format!("scada_row_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("scada_row_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ScadaRowHistory::default().validate().is_err());
    }
}
