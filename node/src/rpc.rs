//! The node's JSON-RPC methods beyond Substrate's standard set (`chain_*`, `state_*`,
//! `author_*`, `system_*` and the new `chainHead_v1_*` family, which `sc-service` adds itself).
//!
//! Here: `system_accountNextIndex`, `payment_queryInfo`/`payment_queryFeeDetails`, and
//! Cohort's own `cohort_*` methods ([`crate::cohort_rpc`]).

use cohort_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// Builds the RPC module of a full node.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ cohort_runtime_api::CohortApi<Block, AccountId, Balance, BlockNumber>
		+ BlockBuilder<Block>,
	P: TransactionPool + Sync + Send + 'static,
{
	use crate::cohort_rpc::{Cohort, CohortRpcServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	let mut cohort = Cohort::new(client).into_rpc();
	crate::strict_params::refuse_extra_params(&mut cohort, &crate::cohort_rpc::PARAMETER_COUNTS)?;
	module.merge(cohort)?;
	Ok(module)
}
