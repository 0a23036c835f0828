fn main() {
    tonic_build::configure()
        .build_server(true)
        .build_client(true)
        .compile(&["../proto/collab.proto"], &["../proto"])
        .expect("compile protos");
}
