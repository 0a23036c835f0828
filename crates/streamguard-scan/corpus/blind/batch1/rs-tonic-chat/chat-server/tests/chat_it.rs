use std::time::Duration;

use tokio::time::{sleep, Instant};

#[tokio::test(start_paused = true)]
async fn idle_timer_resets_on_activity() {
    let idle = sleep(Duration::from_secs(120));
    tokio::pin!(idle);
    sleep(Duration::from_secs(100)).await;
    idle.as_mut().reset(Instant::now() + Duration::from_secs(120));
    sleep(Duration::from_secs(100)).await;
    assert!(!idle.is_elapsed());
}
