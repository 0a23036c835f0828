//! Dynamic gRPC calls: `DynamicMessage`s over a tonic `Channel` with a descriptor-driven codec.

use std::{str::FromStr, time::Duration};

use http::uri::PathAndQuery;
use prost::Message as _;
use prost_reflect::{
    DescriptorPool, DynamicMessage, MessageDescriptor, MethodDescriptor, SerializeOptions,
};
use tokio::{sync::mpsc, time::Instant};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{
    Status,
    codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder},
    metadata::{AsciiMetadataKey, AsciiMetadataValue},
    transport::{Certificate, Channel, ClientTlsConfig, Endpoint},
};

use crate::config::{ConfigError, ProbeConfig};

/// Encodes any `DynamicMessage`, decodes messages of one type.
#[derive(Clone)]
pub(crate) struct DynamicCodec {
    pub decode: MessageDescriptor,
}

pub(crate) struct DynamicEncoder;
pub(crate) struct DynamicDecoder(MessageDescriptor);

impl Codec for DynamicCodec {
    type Encode = DynamicMessage;
    type Decode = DynamicMessage;
    type Encoder = DynamicEncoder;
    type Decoder = DynamicDecoder;

    fn encoder(&mut self) -> Self::Encoder {
        DynamicEncoder
    }
    fn decoder(&mut self) -> Self::Decoder {
        DynamicDecoder(self.decode.clone())
    }
}

impl Encoder for DynamicEncoder {
    type Item = DynamicMessage;
    type Error = Status;
    fn encode(&mut self, item: DynamicMessage, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        item.encode(dst)
            .map_err(|e| Status::internal(format!("cannot encode message: {e}")))
    }
}

impl Decoder for DynamicDecoder {
    type Item = DynamicMessage;
    type Error = Status;
    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<DynamicMessage>, Status> {
        DynamicMessage::decode(self.0.clone(), src)
            .map(Some)
            .map_err(|e| Status::internal(format!("cannot decode {}: {e}", self.0.full_name())))
    }
}

/// A message as JSON with proto field names (what matchers and evidence use).
pub(crate) fn to_json(msg: &DynamicMessage) -> serde_json::Value {
    let opts = SerializeOptions::new().use_proto_field_name(true);
    msg.serialize_with_options(serde_json::value::Serializer, &opts)
        .unwrap_or(serde_json::Value::Null)
}

/// A request message written as JSON in the config, with `{sub}` and `{nonce}` placeholders.
#[derive(Clone)]
pub(crate) struct MessageTemplate {
    key: String,
    desc: MessageDescriptor,
    json: String,
}

impl MessageTemplate {
    /// Checks the JSON against the message type now, so a typo is a config error, not a probe failure.
    pub fn new(key: &str, desc: MessageDescriptor, json: &str) -> Result<Self, ConfigError> {
        let t = Self {
            key: key.to_string(),
            desc,
            json: json.to_string(),
        };
        t.render("streamguard-audit-check", "n0000000")?;
        Ok(t)
    }

    pub fn render(&self, sub: &str, nonce: &str) -> Result<DynamicMessage, ConfigError> {
        let text = self.json.replace("{sub}", sub).replace("{nonce}", nonce);
        let mut de = serde_json::Deserializer::from_str(&text);
        DynamicMessage::deserialize(self.desc.clone(), &mut de)
            .and_then(|m| de.end().map(|_| m))
            .map_err(|e| {
                ConfigError::invalid(
                    &self.key,
                    format!(
                        "not a valid {} in JSON ({e}); use the proto3 JSON mapping of that message",
                        self.desc.full_name()
                    ),
                )
            })
    }

    pub fn mentions_nonce(&self) -> bool {
        self.json.contains("{nonce}")
    }
}

/// A fresh value for `{nonce}`.
pub(crate) fn nonce() -> String {
    format!("n{:016x}", rand::random::<u64>())
}

/// The connected target: channel, descriptors and the metadata every call carries.
#[derive(Clone)]
pub(crate) struct Target {
    channel: Channel,
    pub pool: DescriptorPool,
    header: AsciiMetadataKey,
    prefix: String,
    metadata: Vec<(AsciiMetadataKey, AsciiMetadataValue)>,
}

/// Connecting failed: the endpoint is wrong (config) or down (unreachable).
#[derive(Debug, thiserror::Error)]
pub(crate) enum ConnectError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Unreachable(String),
}

/// The error and its sources on one line.
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let m = c.to_string();
        if !s.contains(&m) {
            s.push_str(": ");
            s.push_str(&m);
        }
        cur = c.source();
    }
    s
}

pub(crate) async fn connect(config: &ProbeConfig) -> Result<Channel, ConnectError> {
    let mut endpoint = Endpoint::from_shared(config.endpoint.clone())
        .map_err(|e| ConfigError::invalid("endpoint", format!("`{}`: {e}", config.endpoint)))?
        .connect_timeout(config.connect_timeout)
        .tcp_nodelay(true);
    let tls = config.endpoint.starts_with("https://");
    if let Some(authority) = &config.authority {
        let origin = format!("{}://{authority}", if tls { "https" } else { "http" });
        let uri = http::Uri::from_str(&origin).map_err(|e| {
            ConfigError::invalid(
                "authority",
                format!("`{authority}` is not a host[:port] ({e})"),
            )
        })?;
        endpoint = endpoint.origin(uri);
    }
    if tls {
        let mut tls_config = ClientTlsConfig::new().with_native_roots();
        if let Some(ca) = &config.ca_file {
            let pem = std::fs::read(ca).map_err(|e| {
                ConfigError::invalid("ca_file", format!("cannot read {}: {e}", ca.display()))
            })?;
            tls_config = tls_config.ca_certificate(Certificate::from_pem(pem));
        }
        if let Some(authority) = &config.authority {
            let host = authority
                .rsplit_once(':')
                .map(|(h, _)| h)
                .unwrap_or(authority);
            tls_config = tls_config.domain_name(host);
        }
        endpoint = endpoint.tls_config(tls_config).map_err(|e| {
            ConfigError::invalid("ca_file", format!("bad TLS settings: {}", chain(&e)))
        })?;
    } else if config.ca_file.is_some() {
        return Err(ConfigError::invalid(
            "ca_file",
            "set, but the endpoint is plaintext http://; use https:// for TLS",
        )
        .into());
    }
    endpoint.connect().await.map_err(|e| {
        ConnectError::Unreachable(format!(
            "cannot connect to {}: {}",
            config.endpoint,
            chain(&e)
        ))
    })
}

impl Target {
    pub fn new(
        config: &ProbeConfig,
        channel: Channel,
        pool: DescriptorPool,
    ) -> Result<Self, ConfigError> {
        let header = AsciiMetadataKey::from_str(&config.credentials.header.to_ascii_lowercase())
            .map_err(|_| {
                ConfigError::invalid(
                    "credentials.header",
                    format!(
                        "`{}` is not a valid metadata key",
                        config.credentials.header
                    ),
                )
            })?;
        let mut metadata = Vec::new();
        for (k, v) in &config.metadata {
            let key = AsciiMetadataKey::from_str(&k.to_ascii_lowercase()).map_err(|_| {
                ConfigError::invalid(
                    format!("metadata.{k}"),
                    "not a valid metadata key (ASCII, no `-bin` suffix)",
                )
            })?;
            let value = AsciiMetadataValue::from_str(v).map_err(|_| {
                ConfigError::invalid(format!("metadata.{k}"), "not a valid ASCII metadata value")
            })?;
            metadata.push((key, value));
        }
        Ok(Self {
            channel,
            pool,
            header,
            prefix: config.credentials.prefix.clone(),
            metadata,
        })
    }

    /// Opens a call of any kind. Unary and server-streaming calls send `first` and close their
    /// side; client-streaming and bidi calls keep it open for [`OpenCall::send`].
    pub async fn open(
        &self,
        method: &MethodDescriptor,
        token: &str,
        first: DynamicMessage,
        deadline: Option<Duration>,
    ) -> Result<OpenCall, Status> {
        let path = PathAndQuery::from_str(&format!(
            "/{}/{}",
            method.parent_service().full_name(),
            method.name()
        ))
        .map_err(|e| Status::internal(format!("bad method path: {e}")))?;
        let (tx, rx) = mpsc::channel(64);
        let _ = tx.try_send(first);
        let tx = method.is_client_streaming().then_some(tx);
        let mut request = tonic::Request::new(ReceiverStream::new(rx));
        let value = AsciiMetadataValue::from_str(&format!("{}{token}", self.prefix))
            .map_err(|_| Status::internal("the token is not valid ASCII metadata"))?;
        request.metadata_mut().insert(self.header.clone(), value);
        for (k, v) in &self.metadata {
            request.metadata_mut().insert(k.clone(), v.clone());
        }
        if let Some(d) = deadline {
            request.set_timeout(d);
        }
        let mut grpc = tonic::client::Grpc::new(self.channel.clone());
        grpc.ready()
            .await
            .map_err(|e| Status::unavailable(format!("target not ready: {}", chain(&e))))?;
        let codec = DynamicCodec {
            decode: method.output(),
        };
        let response = grpc.streaming(request, path, codec).await?;
        Ok(OpenCall {
            tx,
            inner: response.into_inner(),
        })
    }
}

/// A call in progress. Dropping it cancels the call (HTTP/2 RST_STREAM).
pub(crate) struct OpenCall {
    tx: Option<mpsc::Sender<DynamicMessage>>,
    inner: tonic::Streaming<DynamicMessage>,
}

/// What came next on a call.
#[derive(Debug)]
pub(crate) enum Next {
    Message(DynamicMessage),
    /// The call ended: `Ok` for status OK, else the status.
    End(Result<(), Status>),
    /// Nothing before the given instant.
    Timeout,
}

impl OpenCall {
    /// Sends one more message (client-streaming and bidi); false if the call is over.
    pub async fn send(&self, msg: DynamicMessage) -> bool {
        match &self.tx {
            Some(tx) => tx.send(msg).await.is_ok(),
            None => false,
        }
    }

    pub async fn next(&mut self, until: Instant) -> Next {
        match tokio::time::timeout_at(until, self.inner.message()).await {
            Err(_) => Next::Timeout,
            Ok(Ok(Some(m))) => Next::Message(m),
            Ok(Ok(None)) => Next::End(Ok(())),
            Ok(Err(s)) => Next::End(Err(s)),
        }
    }
}

/// `CODE message` of a status, for evidence.
pub(crate) fn describe(status: &Status) -> String {
    let name = streamguard_proto::status_name(status.code());
    if status.message().is_empty() {
        name.to_string()
    } else {
        format!("{name} {}", status.message())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> DescriptorPool {
        DescriptorPool::decode(streamguard_proto::FILE_DESCRIPTOR_SET).unwrap()
    }

    #[test]
    fn template_replaces_placeholders_and_checks_the_type() {
        let desc = pool()
            .get_message_by_name("mcp.v1.WatchResourceRequest")
            .unwrap();
        let t = MessageTemplate::new(
            "probes.expiry.request",
            desc.clone(),
            r#"{"uri": "mcp://users/{sub}/n", "interval_ms": 100}"#,
        )
        .unwrap();
        let json = to_json(&t.render("alice", "x").unwrap());
        assert_eq!(json["uri"], "mcp://users/alice/n");
        assert_eq!(json["interval_ms"], 100);
        let err = MessageTemplate::new("probes.expiry.request", desc.clone(), r#"{"url": "x"}"#)
            .err()
            .unwrap();
        assert_eq!(err.key(), Some("probes.expiry.request"));
        assert!(err.to_string().contains("url"), "{err}");
        let err = MessageTemplate::new("probes.expiry.request", desc, r#"{"uri": "#)
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("mcp.v1.WatchResourceRequest"),
            "{err}"
        );
    }

    #[test]
    fn statuses_are_described_by_canonical_name() {
        assert_eq!(
            describe(&Status::unauthenticated("token_expired")),
            "UNAUTHENTICATED token_expired"
        );
        assert_eq!(
            describe(&Status::permission_denied("")),
            "PERMISSION_DENIED"
        );
    }
}
