fn main() {
    tonic_build::compile_protos("../proto/collab.proto").expect("compile protos");
}
