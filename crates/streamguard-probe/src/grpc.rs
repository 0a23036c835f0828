//! Dynamic gRPC calls: `DynamicMessage`s over a tonic `Channel` with a descriptor-driven codec.

use std::{str::FromStr, time::Duration};

use http::uri::PathAndQuery;
use prost::Message as _;
use prost_reflect::{
    DescriptorPool, DynamicMessage, MessageDescriptor, MethodDescriptor, ReflectMessage as _,
    SerializeOptions,
};
use tokio::{sync::mpsc, time::Instant};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{
    Status,
    codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder},
    metadata::{AsciiMetadataKey, AsciiMetadataValue},
    transport::{Certificate, Channel, ClientTlsConfig, Endpoint},
};

use crate::config::{ConfigError, MessageSpec, ProbeConfig};

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

/// A message as JSON with proto field names (what matchers and evidence use). `string` and
/// `bytes` fields that carry a JSON object or array (JSON-RPC frames, say) are shown decoded, so
/// a denial inside them is seen.
pub(crate) fn to_json(msg: &DynamicMessage) -> serde_json::Value {
    let opts = SerializeOptions::new().use_proto_field_name(true);
    let mut v = msg
        .serialize_with_options(serde_json::value::Serializer, &opts)
        .unwrap_or(serde_json::Value::Null);
    decode_json_text(&msg.descriptor(), &mut v, 0);
    v
}

/// How deep the walks over messages and tables go: a recursive message type or a deeply nested
/// config table must not recurse without end.
const MAX_DEPTH: usize = 32;

/// Walks `value` (a message of type `desc` as JSON) and calls `leaf` on every `string` or
/// `bytes` field value, with whether it is `bytes`.
fn walk_text_fields(
    desc: &MessageDescriptor,
    value: &mut serde_json::Value,
    depth: usize,
    leaf: &mut dyn FnMut(&mut serde_json::Value, bool),
) {
    use prost_reflect::Kind;
    let serde_json::Value::Object(map) = value else {
        return;
    };
    if depth > MAX_DEPTH {
        return;
    }
    for (k, v) in map.iter_mut() {
        let Some(field) = desc
            .get_field_by_name(k)
            .or_else(|| desc.get_field_by_json_name(k))
        else {
            continue;
        };
        if field.is_map() {
            continue;
        }
        match field.kind() {
            Kind::String | Kind::Bytes if !field.is_list() => leaf(v, field.kind() == Kind::Bytes),
            // Well-known types (Struct, Value, …) have their own JSON shapes.
            Kind::Message(m) if !m.full_name().starts_with("google.protobuf.") => {
                if field.is_list() {
                    if let serde_json::Value::Array(items) = v {
                        for item in items {
                            walk_text_fields(&m, item, depth + 1, leaf);
                        }
                    }
                } else {
                    walk_text_fields(&m, v, depth + 1, leaf);
                }
            }
            _ => {}
        }
    }
}

/// Replaces a table or array written under a `string`/`bytes` field by its JSON text (base64
/// of it for `bytes`, as the proto3 JSON mapping wants).
fn encode_json_text(desc: &MessageDescriptor, value: &mut serde_json::Value) {
    use base64::Engine as _;
    walk_text_fields(desc, value, 0, &mut |v, bytes| {
        if v.is_object() || v.is_array() {
            let text = v.to_string();
            *v = serde_json::Value::String(if bytes {
                base64::engine::general_purpose::STANDARD.encode(text)
            } else {
                text
            });
        }
    });
}

/// The inverse for responses: a `string`/`bytes` field holding a JSON object or array is
/// replaced by that JSON.
fn decode_json_text(desc: &MessageDescriptor, value: &mut serde_json::Value, depth: usize) {
    use base64::Engine as _;
    walk_text_fields(desc, value, depth, &mut |v, bytes| {
        let Some(s) = v.as_str() else { return };
        let text = if bytes {
            match base64::engine::general_purpose::STANDARD.decode(s) {
                Ok(b) => String::from_utf8(b).unwrap_or_default(),
                Err(_) => return,
            }
        } else {
            s.to_string()
        };
        let t = text.trim_start();
        if (t.starts_with('{') || t.starts_with('['))
            && let Ok(json) = serde_json::from_str::<serde_json::Value>(t)
        {
            *v = json;
        }
    });
}

/// A message written in the config, with `{sub}`, `{nonce}` and `{seq}` placeholders.
#[derive(Clone)]
pub(crate) struct MessageTemplate {
    key: String,
    desc: MessageDescriptor,
    spec: MessageSpec,
}

/// Replaces placeholders in every string of a table; the string `"{seq}"` alone becomes a number.
fn fill(value: &mut serde_json::Value, sub: &str, nonce: &str, seq: u64, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        serde_json::Value::String(s) if s == "{seq}" => *value = seq.into(),
        serde_json::Value::String(s) => {
            *s = s
                .replace("{sub}", sub)
                .replace("{nonce}", nonce)
                .replace("{seq}", &seq.to_string());
        }
        serde_json::Value::Array(items) => items
            .iter_mut()
            .for_each(|v| fill(v, sub, nonce, seq, depth + 1)),
        serde_json::Value::Object(map) => map
            .values_mut()
            .for_each(|v| fill(v, sub, nonce, seq, depth + 1)),
        _ => {}
    }
}

fn mentions(value: &serde_json::Value, placeholder: &str, depth: usize) -> bool {
    depth <= MAX_DEPTH
        && match value {
            serde_json::Value::String(s) => s.contains(placeholder),
            serde_json::Value::Array(items) => {
                items.iter().any(|v| mentions(v, placeholder, depth + 1))
            }
            serde_json::Value::Object(map) => {
                map.values().any(|v| mentions(v, placeholder, depth + 1))
            }
            _ => false,
        }
}

impl MessageTemplate {
    /// Checks the message against its type now, so a typo is a config error, not a probe failure.
    pub fn new(
        key: &str,
        desc: MessageDescriptor,
        spec: &MessageSpec,
    ) -> Result<Self, ConfigError> {
        let t = Self {
            key: key.to_string(),
            desc,
            spec: spec.clone(),
        };
        t.render("streamguard-audit-check", "n0000000", 1)?;
        Ok(t)
    }

    /// The message for `sub`, with `nonce` and the per-stream message number `seq` (from 1).
    pub fn render(&self, sub: &str, nonce: &str, seq: u64) -> Result<DynamicMessage, ConfigError> {
        let invalid = |e: &dyn std::fmt::Display| {
            ConfigError::invalid(
                &self.key,
                format!(
                    "not a valid {} ({e}); use the proto3 JSON mapping of that message",
                    self.desc.full_name()
                ),
            )
        };
        let mut value = match &self.spec {
            MessageSpec::Json(text) => {
                let text = text
                    .replace("{sub}", sub)
                    .replace("{nonce}", nonce)
                    .replace("{seq}", &seq.to_string());
                serde_json::from_str(&text).map_err(|e| invalid(&format!("not JSON: {e}")))?
            }
            MessageSpec::Table(map) => {
                let mut v = serde_json::Value::Object(map.clone());
                fill(&mut v, sub, nonce, seq, 0);
                v
            }
        };
        encode_json_text(&self.desc, &mut value);
        DynamicMessage::deserialize(self.desc.clone(), value).map_err(|e| invalid(&e))
    }

    pub fn mentions_nonce(&self) -> bool {
        match &self.spec {
            MessageSpec::Json(text) => text.contains("{nonce}"),
            MessageSpec::Table(map) => map.values().any(|v| mentions(v, "{nonce}", 0)),
        }
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

    /// Opens a call of any kind, with `token` (or none at all). Unary and server-streaming calls
    /// send `first` and close their side; client-streaming and bidi calls keep it open for
    /// [`OpenCall::send`].
    pub async fn open(
        &self,
        method: &MethodDescriptor,
        token: Option<&str>,
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
        if let Some(token) = token {
            let value = AsciiMetadataValue::from_str(&format!("{}{token}", self.prefix))
                .map_err(|_| Status::internal("the token is not valid ASCII metadata"))?;
            request.metadata_mut().insert(self.header.clone(), value);
        }
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
    /// Closes the client's side (client-streaming calls answer only then).
    pub fn close_send(&mut self) {
        self.tx = None;
    }

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
            &r#"{"uri": "mcp://users/{sub}/n", "interval_ms": {seq}}"#.into(),
        )
        .unwrap();
        let json = to_json(&t.render("alice", "x", 7).unwrap());
        assert_eq!(json["uri"], "mcp://users/alice/n");
        assert_eq!(json["interval_ms"], 7);
        let err = MessageTemplate::new(
            "probes.expiry.request",
            desc.clone(),
            &r#"{"url": "x"}"#.into(),
        )
        .err()
        .unwrap();
        assert_eq!(err.key(), Some("probes.expiry.request"));
        assert!(err.to_string().contains("url"), "{err}");
        let err = MessageTemplate::new("probes.expiry.request", desc, &r#"{"uri": "#.into())
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("mcp.v1.WatchResourceRequest"),
            "{err}"
        );
    }

    #[test]
    fn a_toml_table_under_a_bytes_field_is_sent_as_json_text_and_read_back_as_json() {
        let desc = pool().get_message_by_name("mcp.v1.JsonRpcFrame").unwrap();
        let table: toml::Table = toml::from_str(
            r#"json = { jsonrpc = "2.0", id = "{seq}", method = "tools/call", params = { name = "echo", arguments = { text = "{nonce}" } } }"#,
        )
        .unwrap();
        let spec = MessageSpec::Table(
            serde_json::to_value(table)
                .unwrap()
                .as_object()
                .unwrap()
                .clone(),
        );
        let t = MessageTemplate::new("probes.per_message.allowed", desc, &spec).unwrap();
        assert!(t.mentions_nonce());
        let msg = t.render("s", "n123", 42).unwrap();
        let raw = msg.get_field_by_name("json").unwrap();
        let frame: serde_json::Value =
            serde_json::from_slice(raw.as_bytes().unwrap()).expect("the bytes are JSON text");
        assert_eq!(frame["id"], 42, "{{seq}} alone is a number");
        assert_eq!(frame["params"]["arguments"]["text"], "n123");
        assert_eq!(
            to_json(&msg)["json"]["params"]["name"],
            "echo",
            "decoded for judging"
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
