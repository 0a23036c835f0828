//! `streamguard audit probe CONFIG --init ENDPOINT`: a starter config written from the target's
//! server reflection — every streaming method listed with the probe sections it fits, a section
//! per probe filled in for a method that fits, and every placeholder marked `FILL`.

use std::fmt::Write as _;

use prost_reflect::{DynamicMessage, MethodDescriptor, SerializeOptions};
use streamguard_descriptors as descriptors;

use crate::{
    ProbeConfig, ProbeError,
    grpc::{self, ConnectError},
    probes::{application_methods, kind, method_name},
};

/// The sections a method fits, by its kind.
fn fits(m: &MethodDescriptor) -> &'static str {
    match (m.is_client_streaming(), m.is_server_streaming()) {
        (true, true) => "authentication, per_message, rate_limit, expiry, revocation, lifetime",
        (false, true) => "authentication, expiry, revocation, lifetime",
        (true, false) => "authentication, lifetime",
        (false, false) => "deadline, cancellation (with a [canary])",
    }
}

/// The request type of `m` with every field at its default, as JSON: the shape to fill in.
fn skeleton(m: &MethodDescriptor) -> String {
    let opts = SerializeOptions::new()
        .skip_default_fields(false)
        .use_proto_field_name(true);
    DynamicMessage::new(m.input())
        .serialize_with_options(serde_json::value::Serializer, &opts)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| "{}".into())
}

/// A TOML string holding `s`, quoted as TOML needs.
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Connects to `endpoint`, reads its reflection and returns the starter config's text.
pub async fn starter_config(endpoint: &str) -> Result<String, ProbeError> {
    let config = ProbeConfig::from_toml(&format!("endpoint = {}\n", toml_str(endpoint)))?;
    let channel = grpc::connect(&config).await.map_err(|e| match e {
        ConnectError::Config(c) => ProbeError::Config(c),
        ConnectError::Unreachable(message) => ProbeError::Unreachable {
            endpoint: endpoint.to_string(),
            message,
        },
    })?;
    let descriptor_error = |e: descriptors::DescriptorError| match e {
        e @ descriptors::DescriptorError::Invalid { .. } => ProbeError::Config(e.into()),
        descriptors::DescriptorError::Unreachable(message) => ProbeError::Unreachable {
            endpoint: endpoint.to_string(),
            message,
        },
    };
    let services = descriptors::list_services(&channel)
        .await
        .map_err(descriptor_error)?;
    let pool = descriptors::load("descriptors", &config.descriptors, &channel, &services)
        .await
        .map_err(descriptor_error)?;
    let methods: Vec<MethodDescriptor> = application_methods(&pool).collect();
    Ok(render(endpoint, &methods))
}

fn render(endpoint: &str, methods: &[MethodDescriptor]) -> String {
    let streaming: Vec<&MethodDescriptor> = methods
        .iter()
        .filter(|m| m.is_client_streaming() || m.is_server_streaming())
        .collect();
    let unary: Vec<&MethodDescriptor> = methods
        .iter()
        .filter(|m| !m.is_client_streaming() && !m.is_server_streaming())
        .collect();
    let responses = streaming.iter().find(|m| m.is_server_streaming());
    let bidi = streaming
        .iter()
        .find(|m| m.is_server_streaming() && m.is_client_streaming());
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# streamguard audit probe: starter config for {endpoint}, written by `--init` from its
# server reflection. Replace every line marked FILL; keys: docs/audit-config.md.
#
# As written, only authentication at open is probed: without [credentials] the auditor has no
# valid token, and the report says the rest was not tested (and gives no grade).

endpoint = {}

[descriptors]
source = \"reflection\"

# How the auditor gets valid tokens (uncomment and fill one):
# [credentials]
# header = \"authorization\"
# prefix = \"Bearer \"
# command = \"./mint-token {{sub}} {{scopes}} {{ttl_s}}\"   # FILL; runs in this file's directory
# [credentials.mint]
# algorithm = \"HS256\"                  # FILL: what the server verifies (or RS256 + key_file, …)
# secret_file = \"audit-hmac-secret\"    # FILL: a file holding the HMAC secret (≥ 32 bytes)
# iss = \"https://issuer.example\"        # FILL if the server checks the issuer
# aud = \"my-mcp-server\"                 # FILL if the server checks the audience
",
        toml_str(endpoint)
    );
    if streaming.is_empty() {
        let _ = writeln!(
            t,
            "# The target has no streaming method: F1, F2, F5 and F6 are about streams and cannot
# be observed. Deadline and cancellation can be probed on a unary method with a [canary]."
        );
    } else {
        let _ = writeln!(
            t,
            "# Streaming methods of the target, and the probe sections each fits:"
        );
        let width = streaming
            .iter()
            .map(|m| method_name(m).len())
            .max()
            .unwrap_or(0);
        for m in &streaming {
            let _ = writeln!(
                t,
                "#   {:width$}  {:<17} {}",
                method_name(m),
                kind(m),
                fits(m)
            );
        }
    }
    if !unary.is_empty() {
        let _ = writeln!(t, "# Unary methods ({}):", fits(unary[0]));
        for m in &unary {
            let _ = writeln!(t, "#   {}", method_name(m));
        }
    }
    if !streaming.is_empty() {
        let _ = writeln!(
            t,
            "
# Each stream is opened with no token, a bad signature, an expired token, another audience and
# `alg: none`; every one must be refused.
[probes.authentication]"
        );
        for m in &streaming {
            let _ = writeln!(
                t,
                "[[probes.authentication.calls]]
method = {}
request = {}   # FILL: a request the server accepts",
                toml_str(&method_name(m)),
                toml_str(&skeleton(m))
            );
        }
    }
    if let Some(m) = responses {
        let (name, req) = (toml_str(&method_name(m)), toml_str(&skeleton(m)));
        let _ = writeln!(
            t,
            "
# F1: does data stop at the token's exp? (a method that sends continuously)
[probes.expiry]
method = {name}
request = {req}   # FILL: makes the server send continuously
scopes = []   # FILL: the scopes this call needs
token_ttl = \"2s\"

# F6: does the server end a stream by itself?
[probes.lifetime]
method = {name}
request = {req}   # FILL
scopes = []   # FILL
max_acceptable_lifetime = \"15s\"

# F1: revocation needs a hook the auditor calls mid-stream ({{jti}}, {{sub}} are replaced):
# [revocation]
# command = \"streamguard revoke --admin http://127.0.0.1:9090 --admin-token $ADMIN_TOKEN --jti {{jti}}\"   # FILL
# [probes.revocation]
# method = {name}
# request = {req}   # FILL"
        );
    }
    if let Some(m) = bidi {
        let (name, req) = (toml_str(&method_name(m)), toml_str(&skeleton(m)));
        let _ = writeln!(
            t,
            "
# F2: on one stream, a message the token does not cover must be refused. A refusal counts only
# if the same message succeeds on a control stream holding control_scopes.
[probes.per_message]
method = {name}
scopes = []   # FILL: the scopes of the allowed message only
allowed = {req}   # FILL: a message those scopes cover; {{nonce}} and {{seq}} are replaced
forbidden = {req}   # FILL: a real tool they do not cover, with valid arguments
control_scopes = []   # FILL: scopes under which the forbidden message succeeds

# F5: after the identity is limited, does a new stream get a fresh allowance?
[probes.rate_limit]
method = {name}
message = {req}   # FILL
scopes = []   # FILL"
        );
    }
    let _ = writeln!(
        t,
        "
# F3, F4: deadline and cancellation need a canary downstream the auditor runs; point the
# target's downstream at it:
# [canary]
# listen = \"127.0.0.1:50090\"   # FILL
# method = \"pkg.Downstream/Method\"   # FILL: the unary method the target calls
# [probes.deadline]
# method = \"…\"   # FILL: a method that calls the downstream
# request = '{{}}'
# [probes.cancellation]
# method = \"…\"   # FILL
# request = '{{}}'"
    );
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn methods() -> Vec<MethodDescriptor> {
        let pool =
            prost_reflect::DescriptorPool::decode(streamguard_proto::FILE_DESCRIPTOR_SET).unwrap();
        pool.services()
            .flat_map(|s| s.methods().collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn the_starter_lists_every_streaming_method_and_parses_as_a_config() {
        let text = render("http://127.0.0.1:50051", &methods());
        for m in [
            "mcp.v1.McpStreaming/WatchResource",
            "mcp.v1.McpStreaming/StreamToolCalls",
            "mcp.v1.McpStreaming/UploadToolInput",
            "mcp.v1.McpJsonRpc/Exchange",
        ] {
            assert!(text.contains(&format!("#   {m}")), "{m} listed:\n{text}");
        }
        assert!(text.contains("FILL"));
        let config = ProbeConfig::from_toml(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(!config.credentials.given());
        assert_eq!(config.probes.authentication.unwrap().calls.len(), 5);
        assert!(config.probes.per_message.is_some() && config.probes.expiry.is_some());
    }

    #[test]
    fn a_target_without_streaming_methods_gets_a_starter_that_says_so() {
        let unary: Vec<_> = methods()
            .into_iter()
            .filter(|m| !m.is_client_streaming() && !m.is_server_streaming())
            .collect();
        let text = render("http://h:1", &unary);
        assert!(text.contains("has no streaming method"), "{text}");
        let config = ProbeConfig::from_toml(&text).unwrap();
        assert!(config.probes.expiry.is_none() && config.probes.authentication.is_none());
    }
}
