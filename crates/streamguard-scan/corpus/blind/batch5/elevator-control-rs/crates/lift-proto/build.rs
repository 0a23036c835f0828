fn main() {
    tonic_build::compile_protos("../../proto/elevator.proto").expect("compile elevator.proto");
}
