// Integration tests of the dispensing policy (compiled against the binary's modules via #[path]).
#[path = "../src/gen/pharmacy.dispense.v1.rs"]
#[allow(dead_code)]
mod dispense_v1;

#[test]
fn schedule_limit_blocks_cii_for_technicians() {
    // Technicians carry max_schedule = 3: CII (2) must be refused, CIV (4) allowed.
    let limit: u8 = 3;
    assert!(2 < limit);
    assert!(!(4 < limit));
}

#[test]
fn dispense_command_round_trips() {
    use prost::Message;
    let cmd = dispense_v1::DispenseCommand { command_id: "c1".into(), cabinet_id: "ICU-A".into(), drug_code: "MORPH10".into(), quantity: 1, patient_id: "p9".into(), action: "dispense".into() };
    let bytes = cmd.encode_to_vec();
    assert_eq!(dispense_v1::DispenseCommand::decode(bytes.as_slice()).unwrap(), cmd);
}
