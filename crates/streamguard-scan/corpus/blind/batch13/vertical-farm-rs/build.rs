fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::compile_protos("proto/farm.proto")?;
    tonic_build::compile_protos("proto/dosing.proto")?;
    Ok(())
}
