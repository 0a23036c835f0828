//! PowerCurveHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PowerCurveHistory {
    pub id: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub kind: String,
    pub label: String,
    pub owner: String,
    pub note: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl PowerCurveHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("power_curve_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("power_curve_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("power_curve_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("power_curve_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PowerCurveHistory::default().validate().is_err());
    }
}
