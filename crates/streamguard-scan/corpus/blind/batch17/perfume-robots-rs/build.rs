fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure().compile(&["proto/mixing.proto", "proto/robots.proto"], &["proto"])?;
    Ok(())
}
