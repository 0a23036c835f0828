use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::StreamExt;
use greenhouse::auth::Claims;
use greenhouse::guard::guarded;
use greenhouse::revocation::Revoked;
use tokio::sync::watch;

fn claims(exp_in: u64) -> Claims {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    Claims { sub: "grower-1".into(), jti: "j1".into(), exp: now + exp_in, zones: vec!["Z1".into()], control: false }
}

#[tokio::test(start_paused = true)]
async fn stream_ends_with_unauthenticated_at_token_expiry() {
    let (_tx, rx) = watch::channel(Arc::new(Revoked::default()));
    let endless = futures::stream::pending::<Result<u32, tonic::Status>>();
    let mut s = Box::pin(guarded(claims(2), rx, endless));
    let item = tokio::time::timeout(Duration::from_secs(5), s.next()).await.unwrap().unwrap();
    assert_eq!(item.unwrap_err().code(), tonic::Code::Unauthenticated);
}

#[tokio::test]
async fn stream_ends_with_permission_denied_on_pushed_revocation() {
    let (tx, rx) = watch::channel(Arc::new(Revoked::default()));
    let endless = futures::stream::pending::<Result<u32, tonic::Status>>();
    let mut s = Box::pin(guarded(claims(600), rx, endless));
    tx.send_modify(|r| {
        Arc::make_mut(r).sub.insert("grower-1".into());
    });
    let item = tokio::time::timeout(Duration::from_secs(1), s.next()).await.unwrap().unwrap();
    assert_eq!(item.unwrap_err().code(), tonic::Code::PermissionDenied);
}
