#[test]
fn turbine_ids_carry_their_farm() {
    let id = "hornsea-07";
    assert_eq!(id.split_once('-').map(|(f, _)| f), Some("hornsea"));
}
