use crate::auth::Staff;
use crate::gen::dispense_v1::DispenseCommand;

use super::cabinets::Cabinets;

/// Decides one command against the staff claims. Called for every command of a session.
pub fn check(staff: &Staff, cabinets: &Cabinets, cmd: &DispenseCommand) -> Result<(), String> {
    if !staff.may_open(&cmd.cabinet_id) {
        return Err(format!("cabinet {} not assigned to you", cmd.cabinet_id));
    }
    let schedule = cabinets.schedule(&cmd.drug_code);
    if schedule < staff.max_schedule {
        return Err(format!("{} is schedule {schedule}; your limit is {}", cmd.drug_code, staff.max_schedule));
    }
    if cmd.action == "dispense" && cmd.patient_id.is_empty() {
        return Err("dispense needs a patient".into());
    }
    Ok(())
}
