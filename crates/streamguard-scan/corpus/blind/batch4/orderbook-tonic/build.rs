fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The generated code is checked in under src/pb so that builds on the trading hosts do
    // not need protoc; regenerate with `OB_REGEN=1 cargo build`.
    if std::env::var_os("OB_REGEN").is_some() {
        tonic_prost_build::configure()
            .out_dir("src/pb")
            .compile_protos(&["proto/orderbook.proto"], &["proto"])?;
    }
    println!("cargo:rerun-if-env-changed=OB_REGEN");
    Ok(())
}
