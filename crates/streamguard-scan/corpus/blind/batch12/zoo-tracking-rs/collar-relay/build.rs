fn main() {
    tonic_build::compile_protos("../proto/zoo.proto").unwrap();
}
