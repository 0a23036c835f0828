//! ReeferLink: frames from a vessel's reefer gateway.
use reefer_proto::{reefer_frame::Body, HubCommand, ReeferFrame};
use tokio::sync::mpsc;
use tonic::{Status, Streaming};
use tracing::warn;

use crate::auth::Claims;
use crate::store::Store;

/// Supply air above this for a chilled cargo raises a defrost/inspect command.
const SUPPLY_ALARM_C: f32 = 8.0;

pub async fn run_link(
    claims: Claims,
    mut inbound: Streaming<ReeferFrame>,
    tx: mpsc::Sender<Result<HubCommand, Status>>,
    store: Store,
) {
    let mut vessel: Option<String> = None;
    while let Ok(Some(frame)) = inbound.message().await {
        match frame.body {
            Some(Body::Hello(h)) => {
                if !claims.vessels.iter().any(|v| v == &h.vessel_imo) {
                    let _ = tx.send(Err(Status::permission_denied("vessel not in token"))).await;
                    return;
                }
                vessel = Some(h.vessel_imo);
            }
            Some(Body::Reading(r)) if vessel.is_some() => {
                if let Err(e) = store
                    .insert_reading(&r.container_id, r.supply_c, r.return_c, r.humidity, r.o2_pct, r.ts)
                    .await
                {
                    warn!(error = %e, "reading insert failed");
                }
                if r.supply_c > SUPPLY_ALARM_C {
                    let _ = tx
                        .send(Ok(HubCommand { container_id: r.container_id, action: "inspect".into(), value: r.supply_c }))
                        .await;
                }
            }
            Some(Body::Setpoint(s)) if vessel.is_some() => {
                match store.set_setpoint(&s.container_id, s.setpoint_c, &s.requested_by).await {
                    Ok(()) => {
                        let _ = tx
                            .send(Ok(HubCommand { container_id: s.container_id, action: "setpoint".into(), value: s.setpoint_c }))
                            .await;
                    }
                    Err(e) => warn!(error = %e, "setpoint update failed"),
                }
            }
            _ => {}
        }
    }
}

/// Keeps the shore-side alarm desk informed of the link's last activity.
pub fn spawn_heartbeat(store: Store, imo_hint: String) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
        loop {
            tick.tick().await;
            let _ = sqlx::query("INSERT INTO link_heartbeats (vessel_hint, at) VALUES ($1, now())")
                .bind(&imo_hint)
                .execute(&store.pool)
                .await;
        }
    });
}
