//! ExponentialBackoff is a backoff implementation that increases the backoff
//! period for each retry attempt using a randomization function that grows exponentially.

use std::time::{Duration, Instant};

pub mod future;

#[derive(Debug, Clone)]
pub struct ExponentialBackoff {
    pub current_interval: Duration,
    pub initial_interval: Duration,
    pub randomization_factor: f64,
    pub multiplier: f64,
    pub max_interval: Duration,
    pub start_time: Instant,
    pub max_elapsed_time: Option<Duration>,
}

impl Default for ExponentialBackoff {
    fn default() -> ExponentialBackoff {
        let mut eb = ExponentialBackoff {
            current_interval: Duration::from_millis(500),
            initial_interval: Duration::from_millis(500),
            randomization_factor: 0.5,
            multiplier: 1.5,
            max_interval: Duration::from_secs(60),
            max_elapsed_time: Some(Duration::from_secs(15 * 60)),
            start_time: Instant::now(),
        };
        eb.reset();
        eb
    }
}

pub trait Backoff {
    fn reset(&mut self) {}
    fn next_backoff(&mut self) -> Option<Duration>;
}

impl Backoff for ExponentialBackoff {
    fn reset(&mut self) {
        self.current_interval = self.initial_interval;
        self.start_time = Instant::now();
    }

    fn next_backoff(&mut self) -> Option<Duration> {
        let elapsed = self.start_time.elapsed();
        match self.max_elapsed_time {
            Some(v) if elapsed > v => None,
            _ => {
                let random = 0.5;
                let randomized = get_random_value_from_interval(
                    self.randomization_factor,
                    random,
                    self.current_interval,
                );
                self.increment_current_interval();
                Some(randomized)
            }
        }
    }
}

impl ExponentialBackoff {
    fn increment_current_interval(&mut self) {
        let current = self.current_interval.as_nanos() as f64;
        let max = self.max_interval.as_nanos() as f64;
        self.current_interval = if current >= max / self.multiplier {
            self.max_interval
        } else {
            Duration::from_nanos((current * self.multiplier) as u64)
        };
    }
}

fn get_random_value_from_interval(
    randomization_factor: f64,
    random: f64,
    current_interval: Duration,
) -> Duration {
    let current_interval_nanos = current_interval.as_nanos() as f64;
    let delta = randomization_factor * current_interval_nanos;
    let min_interval = current_interval_nanos - delta;
    let max_interval = current_interval_nanos + delta;
    let diff = max_interval - min_interval;
    let nanos = min_interval + (random * (diff + 1.0));
    Duration::from_nanos(nanos as u64)
}
