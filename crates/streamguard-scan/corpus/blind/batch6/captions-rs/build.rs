// Only the downstream clients are generated at build time; the service's own
// module is checked in under src/gen.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_build::configure()
        .build_server(false)
        .compile(&["proto/vendor/asr/v2/asr.proto", "proto/vendor/transcripts/v1/transcripts.proto"], &["proto/vendor"])?;
    Ok(())
}
