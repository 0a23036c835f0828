//! The scanner reads code it does not control: identifiers, strings and comments in any script.
//! Scanning such code must never panic (a byte offset that falls inside a character), whatever
//! window or chain a rule cuts out of it.

use std::path::Path;

use streamguard_scan::{ScanOptions, scan};

fn tree(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap_or(Path::new("."))).expect("dir");
        std::fs::write(p, text).expect("write");
    }
    dir
}

#[test]
fn a_generated_grpc_js_service_with_non_ascii_text_near_its_flags_is_read_without_panicking() {
    // The flags of a method are looked for within a window after its path: the window's end
    // must not fall inside a character.
    // One of the paddings puts a two-byte character across any fixed cut.
    for pad in 0..3 {
        let mut generated = format!(
            "var SvcService = exports.SvcService = {{\n  wätch: {{\n    path: '/pkg.Svc/Wätch',{}\n    ",
            " ".repeat(pad)
        );
        while generated.len() < 600 {
            generated.push_str("// ééééééééééééééééééé\n    ");
        }
        generated.push_str("requestStream: false,\n    responseStream: true,\n  },\n};\n");
        let dir = tree(&[
            ("src/gen/svc_grpc_pb.js", generated),
            (
                "src/server.js",
                "const grpc = require('@grpc/grpc-js');\nconst svc = require('./gen/svc_grpc_pb');\nfunction wätch(call) { setInterval(() => call.write({}), 1000); }\nconst server = new grpc.Server();\nserver.addService(svc.SvcService, { wätch });\n".into(),
            ),
        ]);
        scan(&ScanOptions::new([dir.path()])).expect("scan");
    }
}

#[test]
fn rust_calls_with_non_ascii_turbofish_types_are_read_without_panicking() {
    // A callee's receiver is what precedes its name; with a turbofish the name is not the
    // callee's end, and the cut must still fall between characters.
    for pad in 0..3 {
        let main = format!(
            "use tonic::{{Request, Response, Status, Streaming}};\nstruct Svc;\n#[tonic::async_trait]\nimpl Feed for Svc {{\n    async fn ingést(&self, request: Request<Streaming<Réading>>) -> Result<Response<Sümmary>, Status> {{\n        let k = décodé::<Kéép{}ér>(request.metadata())?;\n        let mut inbound = request.into_inner();\n        let mut all = Vec::new();\n        while let Some(r) = inbound.message().await? {{\n            all.push(r);\n        }}\n        let n = all.iter().map(|r| r.vâlue).collect::<Vec<Ré{}ading>>().len();\n        Ok(Response::new(Sümmary {{ n }}))\n    }}\n}}\nfn main() {{ tonic::transport::Server::builder().add_service(FeedServer::new(Svc)); }}\n",
            "x".repeat(pad),
            "x".repeat(pad)
        );
        let dir = tree(&[("src/main.rs", main)]);
        scan(&ScanOptions::new([dir.path()])).expect("scan");
    }
}

#[test]
fn go_method_value_arguments_with_non_ascii_names_are_read_without_panicking() {
    for pad in 0..3 {
        let mut args = format!("grpc.StreamInterceptor(chain({}", "x".repeat(pad));
        while args.len() < 400 {
            args.push_str("ïntercéptorÀ, ");
        }
        args.push_str("last))");
        let main = format!(
            "package main\n\nimport \"google.golang.org/grpc\"\n\nfunc main() {{\n\topts := []grpc.ServerOption{{{args}}}\n\ts := grpc.NewServer(opts...)\n\tpb.RegisterFeedServer(s, &server{{}})\n}}\n"
        );
        let dir = tree(&[
            ("cmd/feed/main.go", main),
            ("go.mod", "module example.com/feed\n".into()),
        ]);
        scan(&ScanOptions::new([dir.path()])).expect("scan");
    }
}
