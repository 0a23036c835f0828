use std::process::Stdio;

use tokio::process::{Child, Command};

pub fn spawn_pipe(ffmpeg: &str, out_codec: &str) -> std::io::Result<Child> {
    Command::new(ffmpeg)
        .args(["-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-c:v", out_codec, "-f", "mpegts", "pipe:1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
}

pub async fn probe(url: &str) -> anyhow::Result<(f64, String, u32, u32)> {
    let out = Command::new("ffprobe")
        .args(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height:format=duration", "-of", "csv=p=0", url])
        .output()
        .await?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let stream = lines.next().unwrap_or_default();
    let duration: f64 = lines.next().unwrap_or("0").trim().parse().unwrap_or(0.0);
    let mut f = stream.split(',');
    let codec = f.next().unwrap_or_default().to_string();
    let w = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    let h = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    Ok((duration, codec, w, h))
}
