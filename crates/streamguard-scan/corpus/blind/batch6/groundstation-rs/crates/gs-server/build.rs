fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_server(false)
        .compile(&["../../proto/vendor/cmdrouter/v1/cmdrouter.proto"], &["../../proto/vendor"])?;
    Ok(())
}
