fn main() {
    tonic_build::compile_protos("../proto/suggest.proto").unwrap();
}
