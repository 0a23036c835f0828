fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The generated module is checked in under src/pb so that builds do not need protoc.
    if std::env::var_os("MCP_REGENERATE").is_some() {
        tonic_build::configure()
            .out_dir("src/pb")
            .build_server(true)
            .build_client(true)
            .compile(&["proto/mcp.proto"], &["proto"])?;
    }
    Ok(())
}
