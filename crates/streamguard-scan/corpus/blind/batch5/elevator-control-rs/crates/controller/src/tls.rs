//! Car certificates carry CN = "<car-id>@<bank-id>", issued by the building's lift CA.

pub fn car_and_bank(der: &[u8]) -> Option<(String, String)> {
    let cn = common_name(der)?;
    let (car, bank) = cn.split_once('@')?;
    Some((car.to_owned(), bank.to_owned()))
}

// Minimal CN extraction: find the 2.5.4.3 OID and read the following string.
fn common_name(der: &[u8]) -> Option<String> {
    const CN_OID: [u8; 5] = [0x06, 0x03, 0x55, 0x04, 0x03];
    let pos = der.windows(CN_OID.len()).position(|w| w == CN_OID)?;
    let rest = der.get(pos + CN_OID.len()..)?;
    let len = *rest.get(1)? as usize;
    let bytes = rest.get(2..2 + len)?;
    String::from_utf8(bytes.to_vec()).ok()
}
