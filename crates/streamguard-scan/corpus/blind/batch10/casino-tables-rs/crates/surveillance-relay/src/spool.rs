use std::path::PathBuf;

use tokio::io::AsyncWriteExt;

/// Appends frame metadata to the NVR spool directory, one file per camera per hour.
#[derive(Clone)]
pub struct Spool {
    pub dir: PathBuf,
}

impl Spool {
    pub async fn append(&self, camera: &str, lines: &[String]) -> std::io::Result<()> {
        let hour = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() / 3600)
            .unwrap_or_default();
        let path = self.dir.join(format!("{camera}-{hour}.log"));
        let mut f = tokio::fs::OpenOptions::new().create(true).append(true).open(path).await?;
        for l in lines {
            f.write_all(l.as_bytes()).await?;
            f.write_all(b"\n").await?;
        }
        f.flush().await
    }
}
