//! The service definitions found in the scanned tree: which methods each gRPC service has and
//! whether they stream. Read from `.proto` files and from the code protoc generates
//! (`*_pb2_grpc.py`, `*_grpc_pb.js`/ts-proto, `*_grpc.pb.go`), which the scanner otherwise skips.
//!
//! Handler detection asks this catalog for a method's kind instead of guessing it from the
//! handler's shape (failure class 2 of issue 12).

use std::collections::HashMap;

use crate::lang::StreamKind;

/// The kind of one RPC method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MethodKind {
    Unary,
    Stream(StreamKind),
}

impl MethodKind {
    fn of(client_streams: bool, server_streams: bool) -> Self {
        StreamKind::from_usage(client_streams, server_streams)
            .map(Self::Stream)
            .unwrap_or(Self::Unary)
    }
}

/// One method of a service definition.
#[derive(Debug, Clone)]
pub(crate) struct MethodDef {
    pub name: String,
    pub kind: MethodKind,
}

/// Services by normalized name (see [`norm`]), each with its methods.
#[derive(Debug, Default)]
pub(crate) struct Catalog {
    services: HashMap<String, Vec<MethodDef>>,
}

/// Names compared across languages: `RouteChat`, `routeChat` and `route_chat` are one method.
pub(crate) fn norm(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

impl Catalog {
    pub fn add(&mut self, service: &str, methods: Vec<MethodDef>) {
        let entry = self.services.entry(norm(service)).or_default();
        for m in methods {
            if !entry.iter().any(|e| norm(&e.name) == norm(&m.name)) {
                entry.push(m);
            }
        }
    }

    pub fn merge(&mut self, other: Catalog) {
        for (k, v) in other.services {
            let entry = self.services.entry(k).or_default();
            for m in v {
                if !entry.iter().any(|e| norm(&e.name) == norm(&m.name)) {
                    entry.push(m);
                }
            }
        }
    }

    /// Whether the service is defined in the tree.
    pub fn knows(&self, service: &str) -> bool {
        self.services.contains_key(&norm(service))
    }

    /// The kind of `service`'s `method`, when the service is defined.
    pub fn kind(&self, service: &str, method: &str) -> Option<MethodKind> {
        let m = norm(method);
        self.services
            .get(&norm(service))?
            .iter()
            .find(|d| norm(&d.name) == m)
            .map(|d| d.kind)
    }
}

/// What one file says about services, by its kind.
pub(crate) fn read(name: &str, text: &str) -> Catalog {
    let mut c = Catalog::default();
    if name.ends_with(".proto") {
        proto(text, &mut c);
    } else if name.ends_with(".py") || name.ends_with(".pyi") {
        python_generated(text, &mut c);
    } else if name.ends_with(".go") {
        go_generated(text, &mut c);
    } else if [".js", ".ts", ".mjs", ".cjs"]
        .iter()
        .any(|e| name.ends_with(e))
    {
        js_generated(text, &mut c);
    }
    c
}

/// `service X { rpc M (stream A) returns (stream B); … }` in a `.proto` file.
fn proto(text: &str, c: &mut Catalog) {
    let src = strip_comments(text);
    let mut rest = src.as_str();
    while let Some(i) = find_word(rest, "service") {
        let after = &rest[i + "service".len()..];
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
            .collect();
        let Some(open) = after.find('{') else { break };
        let body_start = open + 1;
        let body_len = matching_brace(&after[body_start..]);
        let body = &after[body_start..body_start + body_len];
        let mut methods = Vec::new();
        let mut b = body;
        while let Some(j) = find_word(b, "rpc") {
            let sig = &b[j + 3..];
            let end = sig.find([';', '{']).unwrap_or(sig.len());
            let sig_text = &sig[..end];
            let mname: String = sig_text
                .trim_start()
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                .collect();
            let (req, resp) = match sig_text.find("returns") {
                Some(r) => (&sig_text[..r], &sig_text[r..]),
                None => (sig_text, ""),
            };
            if !mname.is_empty() {
                methods.push(MethodDef {
                    name: mname,
                    kind: MethodKind::of(streams(req), streams(resp)),
                });
            }
            b = &sig[end.min(sig.len())..];
        }
        if !name.is_empty() {
            c.add(&name, methods);
        }
        rest = &after[(body_start + body_len).min(after.len())..];
    }
}

/// Whether a `( stream T )` group is a stream.
fn streams(group: &str) -> bool {
    let inner = group.split('(').nth(1).unwrap_or("");
    find_word(inner, "stream").is_some_and(|i| inner[..i].trim().is_empty())
}

/// `def add_XServicer_to_server(servicer, server):` followed by
/// `'M': grpc.stream_stream_rpc_method_handler(`.
fn python_generated(text: &str, c: &mut Catalog) {
    for (i, _) in text.match_indices("def add_") {
        let rest = &text[i + "def add_".len()..];
        let Some(end) = rest.find("Servicer_to_server") else {
            continue;
        };
        let service = &rest[..end];
        if service.is_empty() || !service.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
            continue;
        }
        let body_end = rest[end..]
            .find("\ndef ")
            .map(|e| end + e)
            .unwrap_or(rest.len());
        let body = &rest[end..body_end];
        let mut methods = Vec::new();
        for (j, _) in body.match_indices("_rpc_method_handler(") {
            let before = &body[..j];
            let Some(g) = before.rfind("grpc.") else {
                continue;
            };
            let kind = &before[g + 5..];
            let name = before[..g]
                .rsplit(['\'', '"'])
                .nth(1)
                .unwrap_or("")
                .to_string();
            let (req, resp) = kind.split_once('_').unwrap_or(("unary", "unary"));
            if !name.is_empty() {
                methods.push(MethodDef {
                    name,
                    kind: MethodKind::of(req == "stream", resp == "stream"),
                });
            }
        }
        c.add(service, methods);
    }
}

/// `path: '/pkg.Svc/Method', requestStream: true, responseStream: false` (grpc-tools, ts-proto).
fn js_generated(text: &str, c: &mut Catalog) {
    for (i, _) in text.match_indices("path:") {
        let rest = text[i + 5..].trim_start();
        let Some(q) = rest
            .chars()
            .next()
            .filter(|ch| ['\'', '"', '`'].contains(ch))
        else {
            continue;
        };
        let Some(end) = rest[1..].find(q) else {
            continue;
        };
        let path = &rest[1..1 + end];
        let Some((svc, method)) = path.trim_start_matches('/').rsplit_once('/') else {
            continue;
        };
        let service = svc.rsplit('.').next().unwrap_or(svc);
        let window = crate::syntax::head(rest, 400);
        let flag = |key: &str| {
            window.find(key).map(|k| {
                window[k + key.len()..]
                    .trim_start_matches([':', ' '])
                    .starts_with("true")
            })
        };
        if let (Some(req), Some(resp)) = (flag("requestStream"), flag("responseStream")) {
            c.add(
                service,
                vec![MethodDef {
                    name: method.to_string(),
                    kind: MethodKind::of(req, resp),
                }],
            );
        }
    }
}

/// `grpc.ServiceDesc{ ServiceName: "pkg.Svc", Methods: […MethodName: "M"…],
/// Streams: [{ StreamName: "M", ServerStreams: true, ClientStreams: true }] }`.
fn go_generated(text: &str, c: &mut Catalog) {
    for (i, _) in text.match_indices("ServiceName:") {
        let rest = &text[i + "ServiceName:".len()..];
        // Only a literal service descriptor: `ServiceName: "pkg.Svc",`.
        let Some(quoted) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some(name) = quoted.split('"').next() else {
            continue;
        };
        let service = name.rsplit('.').next().unwrap_or(name);
        let end = ["Metadata:", "ServiceName:"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap_or(rest.len())
            .min(20_000);
        let desc = rest.get(..end).unwrap_or(rest);
        let mut methods = Vec::new();
        for (j, _) in desc.match_indices("MethodName:") {
            if let Some(m) = desc[j..].split('"').nth(1) {
                methods.push(MethodDef {
                    name: m.to_string(),
                    kind: MethodKind::Unary,
                });
            }
        }
        let streams: Vec<usize> = desc.match_indices("StreamName:").map(|(j, _)| j).collect();
        for (k, &j) in streams.iter().enumerate() {
            let block_end = streams.get(k + 1).copied().unwrap_or(desc.len());
            let block = &desc[j..block_end];
            let Some(m) = block.split('"').nth(1) else {
                continue;
            };
            methods.push(MethodDef {
                name: m.to_string(),
                kind: MethodKind::of(
                    block.contains("ClientStreams: true") || block.contains("ClientStreams:true"),
                    block.contains("ServerStreams: true") || block.contains("ServerStreams:true"),
                ),
            });
        }
        c.add(service, methods);
    }
}

/// `//` and `/* */` comments removed (strings in .proto files hold no comment markers that
/// matter here).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let line = rest.find("//");
        let block = rest.find("/*");
        match (line, block) {
            (Some(l), b) if b.is_none_or(|b| l < b) => {
                out.push_str(&rest[..l]);
                rest = &rest[l..];
                rest = rest.find('\n').map(|n| &rest[n..]).unwrap_or("");
            }
            (_, Some(b)) => {
                out.push_str(&rest[..b]);
                rest = rest[b + 2..]
                    .find("*/")
                    .map(|e| &rest[b + 2 + e + 2..])
                    .unwrap_or("");
            }
            _ => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// The offset of `word` as a whole identifier.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    hay.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(crate::syntax::is_ident_char)
            && !after.is_some_and(crate::syntax::is_ident_char)
    })
}

/// The length of the text up to the brace that closes an already-open one.
fn matching_brace(s: &str) -> usize {
    let mut depth = 1usize;
    for (i, ch) in s.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proto_services_give_each_method_its_kind() {
        let c = read(
            "mcp.proto",
            "syntax = \"proto3\";\n// service Fake { rpc X(A) returns (B); }\nservice McpStreaming {\n  rpc CallToolWithProgress(CallToolRequest) returns (stream ToolCallEvent);\n  rpc StreamToolCalls(stream ToolCall) returns (stream ToolCallEvent) { option deprecated = true; }\n  rpc UploadToolInput(stream ToolInputChunk) returns (CallToolResponse);\n  rpc Ping(streaming.Req) returns (Resp);\n}\n",
        );
        let k = |m| c.kind("McpStreaming", m);
        assert_eq!(
            k("CallToolWithProgress"),
            Some(MethodKind::Stream(StreamKind::Server))
        );
        assert_eq!(
            k("streamToolCalls"),
            Some(MethodKind::Stream(StreamKind::Bidi))
        );
        assert_eq!(
            k("upload_tool_input"),
            Some(MethodKind::Stream(StreamKind::Client))
        );
        assert_eq!(k("Ping"), Some(MethodKind::Unary));
        assert!(!c.knows("Fake"));
    }

    #[test]
    fn generated_code_of_each_stack_gives_method_kinds() {
        let py = read(
            "x_pb2_grpc.py",
            "def add_RouteGuideServicer_to_server(servicer, server):\n    rpc_method_handlers = {\n            'GetFeature': grpc.unary_unary_rpc_method_handler(\n            ),\n            'RouteChat': grpc.stream_stream_rpc_method_handler(\n            ),\n            'ListFeatures': grpc.unary_stream_rpc_method_handler(\n",
        );
        assert_eq!(
            py.kind("RouteGuide", "RouteChat"),
            Some(MethodKind::Stream(StreamKind::Bidi))
        );
        assert_eq!(py.kind("RouteGuide", "GetFeature"), Some(MethodKind::Unary));
        let js = read(
            "x_grpc_pb.js",
            "var RouteGuideService = exports.RouteGuideService = {\n  recordRoute: {\n    path: '/routeguide.RouteGuide/RecordRoute',\n    requestStream: true,\n    responseStream: false,\n  },\n};\n",
        );
        assert_eq!(
            js.kind("RouteGuide", "recordRoute"),
            Some(MethodKind::Stream(StreamKind::Client))
        );
        let go = read(
            "x_grpc.pb.go",
            "var RouteGuide_ServiceDesc = grpc.ServiceDesc{\n\tServiceName: \"routeguide.RouteGuide\",\n\tMethods: []grpc.MethodDesc{\n\t\t{\n\t\t\tMethodName: \"GetFeature\",\n\t\t},\n\t},\n\tStreams: []grpc.StreamDesc{\n\t\t{\n\t\t\tStreamName:    \"ListFeatures\",\n\t\t\tServerStreams: true,\n\t\t},\n\t\t{\n\t\t\tStreamName:    \"RouteChat\",\n\t\t\tServerStreams: true,\n\t\t\tClientStreams: true,\n\t\t},\n\t},\n\tMetadata: \"x.proto\",\n}\n",
        );
        assert_eq!(
            go.kind("RouteGuide", "ListFeatures"),
            Some(MethodKind::Stream(StreamKind::Server))
        );
        assert_eq!(
            go.kind("RouteGuide", "RouteChat"),
            Some(MethodKind::Stream(StreamKind::Bidi))
        );
        assert_eq!(go.kind("RouteGuide", "GetFeature"), Some(MethodKind::Unary));
    }
}
