// A fake camera controller used by the end-to-end tests: answers every
// exposure with two empty tiles after the requested exposure time.
pub mod pb {
    tonic::include_proto!("telescope.v1");
}

use pb::camera_server::{Camera, CameraServer};
use pb::{ExposeReply, ExposeRequest, SlewReply, SlewRequest};
use tonic::{Request, Response, Status};

#[derive(Default)]
struct FakeCamera;

#[tonic::async_trait]
impl Camera for FakeCamera {
    async fn expose(&self, req: Request<ExposeRequest>) -> Result<Response<ExposeReply>, Status> {
        tokio::time::sleep(std::time::Duration::from_secs_f64(req.get_ref().seconds.min(1.0))).await;
        Ok(Response::new(ExposeReply { tiles: vec![vec![0u8; 16], vec![0u8; 16]] }))
    }

    async fn slew(&self, _req: Request<SlewRequest>) -> Result<Response<SlewReply>, Status> {
        Ok(Response::new(SlewReply { ok: true, detail: String::new() }))
    }
}

#[tokio::test]
async fn fake_camera_answers_two_tiles() {
    let svc = FakeCamera;
    let reply = svc.expose(Request::new(ExposeRequest { seconds: 0.01, filter: "r".into() })).await.unwrap();
    assert_eq!(reply.into_inner().tiles.len(), 2);
    let _ = CameraServer::new(FakeCamera);
}
