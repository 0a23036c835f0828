fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure().build_client(false).compile(
        &[
            "../../proto/casino/tables/v1/tables.proto",
            "../../proto/casino/surveillance/v1/surveillance.proto",
        ],
        &["../../proto"],
    )?;
    Ok(())
}
