fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_client(true)
        .compile(&["../proto/zoo.proto", "../proto/vetrecords.proto"], &["../proto"])?;
    Ok(())
}
