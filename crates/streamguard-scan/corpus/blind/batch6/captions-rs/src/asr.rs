//! Client of the speech recognition engine (GPU pool behind a gRPC LB).

use std::time::Duration;

use tonic::transport::{Channel, Endpoint};
use tonic::Request;

pub mod pb {
    tonic::include_proto!("asr.v2");
}

#[derive(Clone)]
pub struct Asr {
    client: pb::recognizer_client::RecognizerClient<Channel>,
}

impl Asr {
    pub async fn connect(uri: &'static str) -> anyhow::Result<Self> {
        let channel = Endpoint::from_static(uri)
            .timeout(Duration::from_secs(10))
            .connect_timeout(Duration::from_secs(2))
            .connect()
            .await?;
        Ok(Self { client: pb::recognizer_client::RecognizerClient::new(channel) })
    }

    /// Recognizes one window of audio (about 1 s of PCM).
    pub async fn recognize(&self, session: &str, language: &str, pcm: Vec<u8>, pts_ms: i64) -> Result<pb::Hypothesis, tonic::Status> {
        let mut client = self.client.clone();
        let req = Request::new(pb::RecognizeRequest {
            session: session.to_owned(),
            language: language.to_owned(),
            pcm,
            pts_ms,
        });
        Ok(client.recognize(req).await?.into_inner())
    }
}
