fn main() {
    tonic_build::compile_protos("proto/cashout.proto").expect("compile cashout.proto");
}
