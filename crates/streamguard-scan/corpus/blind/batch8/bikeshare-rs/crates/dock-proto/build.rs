fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_client(true)
        .build_server(true)
        .compile(&["../../proto/docks/v1/docks.proto"], &["../../proto"])?;
    println!("cargo:rerun-if-changed=../../proto/docks/v1/docks.proto");
    Ok(())
}
