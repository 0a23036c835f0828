fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_server(true)
        .build_client(true)
        .compile(
            &["../../proto/utm/v1/utm.proto", "../../proto/utm/v1/notam.proto", "../../proto/utm/v1/clearance.proto"],
            &["../../proto"],
        )?;
    Ok(())
}
