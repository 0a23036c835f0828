use std::{io::Cursor, process::Stdio, time::Duration};

use tokio::process::Command;
use tonic::{transport::Server, Request, Response, Status};

pub mod pb {
    tonic::include_proto!("media.v1");
}

use pb::{thumbnails_server::{Thumbnails, ThumbnailsServer}, RenderRequest, RenderResponse, SpriteRequest};

const FRAME_TIMEOUT: Duration = Duration::from_secs(15);

struct Thumbs {
    http: reqwest::Client,
}

async fn grab_frame(url: &str, at_s: f64, width: u32) -> anyhow::Result<Vec<u8>> {
    let out = tokio::time::timeout(
        FRAME_TIMEOUT,
        Command::new("ffmpeg")
            .args(["-ss", &format!("{at_s:.3}"), "-i", url, "-frames:v", "1", "-vf", &format!("scale={width}:-2"), "-f", "image2", "-c:v", "mjpeg", "pipe:1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .output(),
    )
    .await??;
    Ok(out.stdout)
}

#[tonic::async_trait]
impl Thumbnails for Thumbs {
    async fn render(&self, request: Request<RenderRequest>) -> Result<Response<RenderResponse>, Status> {
        let r = request.into_inner();
        let head = self
            .http
            .head(&r.source_url)
            .timeout(Duration::from_secs(5))
            .send()
            .await
            .map_err(|e| Status::unavailable(e.to_string()))?;
        if !head.status().is_success() {
            return Err(Status::not_found("source not reachable"));
        }
        let jpeg = grab_frame(&r.source_url, r.at_s, r.width.clamp(32, 1920)).await.map_err(|e| Status::internal(e.to_string()))?;
        Ok(Response::new(RenderResponse { jpeg }))
    }

    async fn render_sprite(&self, request: Request<SpriteRequest>) -> Result<Response<RenderResponse>, Status> {
        let r = request.into_inner();
        let count = r.count.clamp(1, 64);
        let width = r.width.clamp(32, 320);
        let mut frames = Vec::with_capacity(count as usize);
        for i in 0..count {
            let f = grab_frame(&r.source_url, i as f64 * 10.0, width).await.map_err(|e| Status::internal(e.to_string()))?;
            frames.push(image::load_from_memory(&f).map_err(|e| Status::internal(e.to_string()))?);
        }
        let h = frames.first().map(|f| f.height()).unwrap_or(0);
        let mut sheet = image::RgbImage::new(width * count, h);
        for (i, f) in frames.iter().enumerate() {
            image::imageops::overlay(&mut sheet, &f.to_rgb8(), (i as u32 * width) as i64, 0);
        }
        let mut jpeg = Cursor::new(Vec::new());
        sheet.write_to(&mut jpeg, image::ImageFormat::Jpeg).map_err(|e| Status::internal(e.to_string()))?;
        Ok(Response::new(RenderResponse { jpeg: jpeg.into_inner() }))
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    Server::builder()
        .timeout(Duration::from_secs(120))
        .add_service(ThumbnailsServer::new(Thumbs { http: reqwest::Client::new() }))
        .serve("0.0.0.0:7910".parse()?)
        .await?;
    Ok(())
}
