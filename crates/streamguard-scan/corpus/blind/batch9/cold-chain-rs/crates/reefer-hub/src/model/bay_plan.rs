//! BayPlan: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BayPlan {
    pub id: String,
    pub kind: String,
    pub owner: String,
    pub tags: Vec<String>,
    pub note: String,
    pub site_id: String,
    pub score: f64,
}

impl BayPlan {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("bay_plan: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("bay_plan: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("bay_plan:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(BayPlan::default().validate().is_err());
    }
}
