//! Platform governance: the Oversight Council (a `pallet-collective` instance) and, while the
//! chain bootstraps, sudo.

use crate::{AccountId, BlockNumber, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, DAYS};
use frame_support::{parameter_types, traits::EitherOfDiverse, weights::Weight};
use frame_system::EnsureRoot;

/// The Oversight Council's instance of `pallet-collective`.
pub type OversightCouncilInstance = pallet_collective::Instance1;

parameter_types! {
	/// How long a council motion stays open.
	pub const CouncilMotionDuration: BlockNumber = 5 * DAYS;
	pub const CouncilMaxProposals: u32 = 100;
	pub const CouncilMaxMembers: u32 = 50;
	/// A motion may dispatch at most half a block's weight.
	pub MaxCouncilProposalWeight: Weight =
		sp_runtime::Perbill::from_percent(50) * super::RuntimeBlockWeights::get().max_block;
}

/// Two thirds of the Oversight Council, or root.
pub type EnsureTwoThirdsCouncil = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, OversightCouncilInstance, 2, 3>,
>;

impl pallet_collective::Config<OversightCouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	// A member who does not vote is counted as voting no.
	type DefaultVote = pallet_collective::MoreThanMajorityThenPrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	// Membership changes by root (sudo now, a membership pallet later).
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = EnsureTwoThirdsCouncil;
	type KillOrigin = EnsureTwoThirdsCouncil;
	// Council members propose without a deposit: the council is small and accountable.
	type Consideration = ();
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}
