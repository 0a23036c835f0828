//! In-process fan-out of match events and leaderboard changes.
use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::broadcast;

use crate::pb::{LeaderboardRow, MatchEvent};

pub struct Bus {
    matches: Mutex<HashMap<String, broadcast::Sender<MatchEvent>>>,
    pub leaderboard: broadcast::Sender<LeaderboardRow>,
}

impl Default for Bus {
    fn default() -> Self {
        Self { matches: Mutex::new(HashMap::new()), leaderboard: broadcast::channel(1024).0 }
    }
}

impl Bus {
    pub fn match_channel(&self, match_id: &str) -> broadcast::Sender<MatchEvent> {
        let mut m = self.matches.lock().unwrap_or_else(|e| e.into_inner());
        m.entry(match_id.to_owned()).or_insert_with(|| broadcast::channel(4096).0).clone()
    }

    pub fn finish(&self, match_id: &str) {
        let mut m = self.matches.lock().unwrap_or_else(|e| e.into_inner());
        m.remove(match_id);
    }
}
