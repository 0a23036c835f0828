fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_client(true)
        .build_server(true)
        .compile(
            &[
                "../../proto/groundstation/v1/groundstation.proto",
                "../../proto/groundstation/v1/archive.proto",
            ],
            &["../../proto"],
        )?;
    Ok(())
}
