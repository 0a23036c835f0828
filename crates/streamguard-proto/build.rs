//! Compiles `proto/` into Rust with tonic-prost-build and keeps the encoded descriptor set, which
//! server reflection serves and the auditor uses to understand messages.

use std::{env, path::PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A vendored protoc keeps the build free of system packages; PROTOC still wins when set.
    if env::var_os("PROTOC").is_none() {
        // SAFETY: build scripts are single-threaded; nothing else reads the environment here.
        unsafe { env::set_var("PROTOC", protoc_bin_vendored::protoc_bin_path()?) };
    }
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?).join("../../proto");
    let out = PathBuf::from(env::var("OUT_DIR")?);
    let protos = [
        root.join("mcp/v1/mcp.proto"),
        root.join("backend/v1/backend.proto"),
    ];
    for p in &protos {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    tonic_prost_build::configure()
        .file_descriptor_set_path(out.join("streamguard_descriptor.bin"))
        .compile_protos(&protos, &[root])?;
    Ok(())
}
