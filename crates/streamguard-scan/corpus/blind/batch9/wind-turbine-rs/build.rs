fn main() {
    tonic_build::configure()
        .compile(&["proto/windfarm/v1/turbine.proto"], &["proto"])
        .expect("compile turbine.proto");
}
