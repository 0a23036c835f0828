// Integration-style check of the keyed limiter semantics the dock link relies
// on: one dock's burst does not consume another dock's allowance.
use std::num::NonZeroU32;

use governor::{Quota, RateLimiter};

#[test]
fn one_dock_burst_does_not_starve_another() {
    let rl = RateLimiter::keyed(Quota::per_second(NonZeroU32::new(2).unwrap()));
    assert!(rl.check_key(&"dock-a".to_string()).is_ok());
    assert!(rl.check_key(&"dock-a".to_string()).is_ok());
    assert!(rl.check_key(&"dock-a".to_string()).is_err());
    assert!(rl.check_key(&"dock-b".to_string()).is_ok());
}
