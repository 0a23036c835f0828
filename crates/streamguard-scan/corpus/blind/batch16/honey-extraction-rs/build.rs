fn main() {
    tonic_build::configure()
        .build_client(true)
        .compile(&["proto/extraction.proto", "proto/lab.proto"], &["proto"])
        .expect("compile protos");
}
