use std::time::{Duration, Instant};

#[test]
fn window_budget_resets() {
    let window = Duration::from_millis(10);
    let mut start = Instant::now();
    let mut budget = 2u32;
    for _ in 0..2 {
        budget -= 1;
    }
    assert_eq!(budget, 0);
    std::thread::sleep(window);
    if start.elapsed() >= window {
        start = Instant::now();
        budget = 2;
    }
    assert_eq!(budget, 2);
    let _ = start;
}
