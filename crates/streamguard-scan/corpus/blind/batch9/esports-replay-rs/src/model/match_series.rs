//! MatchSeries: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchSeries {
    pub id: String,
    pub revision: i64,
    pub score: f64,
    pub tags: Vec<String>,
    pub updated_at: i64,
    pub label: String,
    pub created_at: i64,
}

impl MatchSeries {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("match_series: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("match_series: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("match_series: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("match_series: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("match_series: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("match_series:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MatchSeries::default().validate().is_err());
    }
}
