fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_client(true)
        .build_server(true)
        .compile(
            &["proto/imagery/tasking/v1/tasking.proto", "proto/imagery/tasking/v1/scheduler.proto"],
            &["proto"],
        )?;
    Ok(())
}
