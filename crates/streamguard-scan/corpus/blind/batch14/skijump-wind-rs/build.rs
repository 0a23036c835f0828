fn main() {
    tonic_build::configure()
        .compile(&["proto/windgauge.proto", "proto/startgate.proto", "proto/calibration.proto"], &["proto"])
        .expect("protos");
}
