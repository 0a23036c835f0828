fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::compile_protos("proto/greenhouse/v1/climate.proto")?;
    tonic_build::configure().build_server(false).compile(&["proto/greenhouse/v1/actuators.proto"], &["proto"])?;
    Ok(())
}
