fn main() {
    tonic_build::compile_protos("../proto/arena.proto").unwrap();
}
