fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_client(false)
        .out_dir("src/pb")
        .compile(&["../../proto/telemetry/v1/telemetry.proto"], &["../../proto"])?;
    Ok(())
}
