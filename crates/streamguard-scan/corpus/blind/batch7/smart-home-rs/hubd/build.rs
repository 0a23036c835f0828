fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure().compile(&["../proto/home.proto", "../proto/bridge.proto"], &["../proto"])?;
    Ok(())
}
