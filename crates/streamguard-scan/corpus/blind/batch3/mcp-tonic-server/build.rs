fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_client(true)
        .compile(&["proto/mcp/v1/mcp.proto"], &["proto"])?;
    println!("cargo:rerun-if-changed=proto/mcp/v1/mcp.proto");
    Ok(())
}
