mod statements;
mod transfers;

use tonic::transport::Channel;

use crate::authz::Authz;
use crate::gen::ledger_v1::fx_client::FxClient;
use crate::gen::ledger_v1::payments_client::PaymentsClient;

pub use statements::LineSource;

pub struct LedgerSvc {
    pub(crate) authz: Authz,
    pub(crate) fx: FxClient<Channel>,
    pub(crate) payments: PaymentsClient<Channel>,
    pub(crate) lines: LineSource,
}

impl LedgerSvc {
    pub fn new(authz: Authz, fx: FxClient<Channel>, payments: PaymentsClient<Channel>, lines: LineSource) -> Self {
        Self { authz, fx, payments, lines }
    }
}
