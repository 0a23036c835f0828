//! Team ratings for the leaderboard (Elo with a margin-of-victory multiplier).

pub const K: f64 = 24.0;

pub fn expected(ra: f64, rb: f64) -> f64 {
    1.0 / (1.0 + 10f64.powf((rb - ra) / 400.0))
}

/// Returns the new ratings after a series won by `a` with the given map difference.
pub fn update(ra: f64, rb: f64, map_diff: u32) -> (f64, f64) {
    let mov = ((map_diff.max(1) as f64) + 1.0).ln();
    let delta = K * mov * (1.0 - expected(ra, rb));
    (ra + delta, rb - delta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_teams_split_the_difference() {
        let (a, b) = update(1500.0, 1500.0, 1);
        assert!(a > 1500.0 && b < 1500.0);
        assert!(((a - 1500.0) - (1500.0 - b)).abs() < 1e-9);
    }
}
