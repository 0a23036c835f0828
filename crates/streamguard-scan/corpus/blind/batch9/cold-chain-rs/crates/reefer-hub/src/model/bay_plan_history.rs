//! BayPlanHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BayPlanHistory {
    pub id: String,
    pub revision: i64,
    pub site_id: String,
    pub tags: Vec<String>,
    pub score: f64,
    pub kind: String,
    pub note: String,
}

impl BayPlanHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("bay_plan_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("bay_plan_history: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("bay_plan_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("bay_plan_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BayPlanHistory::default().validate().is_err());
    }
}
