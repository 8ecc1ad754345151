//! # Quadratic voting
//!
//! How a cohort decides. An active member **proposes** a call (most often a treasury `spend`
//! to a research team) with a deposit; the cohort's members **vote** on it; after the voting
//! period anyone **closes** it, and a passed proposal is dispatched with the cohort's
//! `Members` origin, built by [`Config::MembersOriginBuilder`]: this pallet is where that
//! origin comes from.
//!
//! - **Voice credits belong to persons, not accounts.** Each person (membership nullifier)
//!   receives the cohort's `voice_credits_per_epoch` in every credit epoch (block number
//!   divided by the cohort's `epoch_length`, both as of the person's first vote in it: a
//!   ledger's epoch runs to its end whatever the cohort changes). Casting `v` votes costs `v²`
//!   credits. Changing a vote refunds the old cost first; [`Pallet::remove_vote`] refunds it.
//!   A refund goes back only to the epoch the credits were spent in: credits do not carry
//!   over. A rotated key finds the same ledger, so it brings no fresh credits.
//! - **Closing.** A proposal passes iff `ayes > nays` and the number of distinct voters reaches
//!   the cohort's quorum (a `Permill` of its active members, rounded up). A passed proposal is
//!   dispatched (unless the cohort is frozen) and the result is in [`Event::Closed`]. The
//!   deposit is returned, except when the quorum was not reached and no one but the proposer
//!   voted: then it goes to the cohort treasury (a proposal no other member cared about is
//!   spam).
//! - The council ([`Config::CancelOrigin`]) can **cancel** a proposal, whose deposit then goes
//!   to the cohort treasury (it should never have been proposed); the proposer can
//!   **withdraw** one that has no votes, and gets the deposit back.
//! - **Revocation cascade.** When a member is suspended or leaves, pallet-cohort-membership
//!   tells this pallet ([`OnMembershipChange`]) and their live votes leave the tallies at once
//!   (their credits of the current epoch come back, as if they had removed the votes
//!   themselves).
//!
//! Bounds: a cohort has at most `MaxOpenProposals` open proposals, a person at most
//! `MaxLiveVotes` live votes, so every call and notification is O(1) in members and voters
//! (at most `MaxLiveVotes` proposals are touched). Proposals that close leave their votes in
//! voters' ledgers as stale entries; they are pruned when a ledger needs room, never by
//! iterating over voters.
//!
//! ## Where things are
//!
//! - this file: the configuration, storage, events, errors and the calls, each of which checks
//!   its origin and hands over to a `do_*` function;
//! - `events.rs`: the events and errors;
//! - `dispatchable_impls.rs`: the `do_*` functions behind the calls;
//! - `impls.rs`: what other pallets call: the [`OnMembershipChange`] subscriber that drops
//!   a suspended or departed member's votes;
//! - `queries.rs`: read-only answers for the runtime API (credits left, a proposal, the quorum);
//! - `types.rs`: proposals, tallies and ledgers, with their arithmetic;
//! - `benchmarking.rs`: the benchmarks, and the `BenchmarkHelper` the runtime implements;
//! - `try_state.rs`: the invariants checked after every test and by try-runtime.
//!
//! [`OnMembershipChange`]: cohort_primitives::OnMembershipChange

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod events;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod tests;
// Always built: runtime tests and `try-runtime` check the same invariants.
mod try_state;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkHelper;
pub use cohort_primitives::{CohortId, Nullifier};
pub use types::*;
pub use weights::WeightInfo;

// Events and errors live in `events.rs`, so that this file reads as a table of contents.
#[import_section(events::events)]
// FRAME's generated storage code uses `expect`; the logic lives outside, under the lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cohort_primitives::{CohortVoting, CohortsInspect, MembershipInspect};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			IsType,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::{Convert, Dispatchable};

	/// The balance type of deposits.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A proposal as stored.
	pub type ProposalOf<T> = Proposal<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxCallSize,
	>;
	/// A person's ledger as stored.
	pub type VoterOf<T> = Voter<BlockNumberFor<T>, <T as Config>::MaxLiveVotes>;

	/// The layout of this pallet's storage; bump it with a migration when the layout changes.
	/// Version 1: ledgers record when their epoch ends (`migrations::v1`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The calls a proposal may make.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// The currency of deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The cohorts: whether one acts, its treasury and voting parameters (pallet-cohorts).
		type Cohorts: CohortsInspect<Self::AccountId> + CohortVoting<BlockNumberFor<Self>>;

		/// Who is an active member, and how many there are (pallet-cohort-membership).
		type Membership: MembershipInspect<Self::AccountId>;

		/// Builds the origin a passed proposal is dispatched with: the cohort's members
		/// (`pallet_cohorts::Origin::Members` in the runtime). It builds, it does not check.
		type MembersOriginBuilder: Convert<CohortId, Self::RuntimeOrigin>;

		/// Cancels proposals in an emergency: the Oversight Council's two-thirds.
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The deposit held for a proposal, whatever its size.
		#[pallet::constant]
		type ProposalDepositBase: Get<BalanceOf<Self>>;

		/// The deposit held per byte of a proposal's encoded call.
		#[pallet::constant]
		type ProposalDepositPerByte: Get<BalanceOf<Self>>;

		/// The longest encoded call a proposal may carry, in bytes.
		#[pallet::constant]
		type MaxCallSize: Get<u32>;

		/// The heaviest call a proposal may carry: `close` is charged this much up front and
		/// refunds what the call did not use.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// The most proposals one cohort may have open at once.
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;

		/// The most proposals one person may have open in a cohort at once, well below
		/// `MaxOpenProposals`, so that no one member can hold every slot.
		#[pallet::constant]
		type MaxOpenProposalsPerPerson: Get<u32>;

		/// The most live votes one person may hold in a cohort.
		#[pallet::constant]
		type MaxLiveVotes: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up cohorts and members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for an open proposal.
		ProposalDeposit,
	}

	/// The id the next proposal gets.
	#[pallet::storage]
	pub type NextProposalId<T> = StorageValue<_, ProposalId, ValueQuery>;

	/// Proposals not yet closed, cancelled or withdrawn.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Blake2_128Concat, ProposalId, ProposalOf<T>>;

	/// How many proposals each cohort has open.
	#[pallet::storage]
	pub type OpenProposals<T: Config> = StorageMap<_, Blake2_128Concat, CohortId, u32, ValueQuery>;

	/// Each person's open proposals, by cohort and person: at most
	/// `MaxOpenProposalsPerPerson`; a rotation moves them to the person's new account.
	#[pallet::storage]
	pub type OpenProposalsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Blake2_128Concat,
		Nullifier,
		BoundedVec<ProposalId, T::MaxOpenProposalsPerPerson>,
		ValueQuery,
	>;

	/// Each person's voice credits and live votes, by cohort and person. Covered by the
	/// person's membership deposit (one bounded record per membership).
	#[pallet::storage]
	pub type Voters<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Blake2_128Concat, Nullifier, VoterOf<T>>;

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// A forfeited deposit must be able to open an empty treasury account.
			assert!(
				T::ProposalDepositBase::get() >= T::Currency::minimum_balance(),
				"ProposalDepositBase must be at least the existential deposit"
			);
			// With a zero bound no proposal could open, no vote be cast, no call be carried.
			assert!(T::MaxOpenProposals::get() > 0, "MaxOpenProposals must not be zero");
			assert!(
				T::MaxOpenProposalsPerPerson::get() > 0,
				"MaxOpenProposalsPerPerson must not be zero"
			);
			assert!(T::MaxLiveVotes::get() > 0, "MaxLiveVotes must not be zero");
			assert!(T::MaxCallSize::get() > 0, "MaxCallSize must not be zero");
			// `close` is charged `MaxCallWeight` up front: it must fit in a block.
			let max_call_weight = T::MaxCallWeight::get();
			assert!(max_call_weight != Weight::zero(), "MaxCallWeight must not be zero");
			assert!(
				max_call_weight.all_lte(T::BlockWeights::get().max_block),
				"MaxCallWeight must fit in a block"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Propose a call for the cohort to decide, dispatched with the cohort's `Members`
		/// origin if it passes. Active members only; holds `ProposalDepositBase +
		/// ProposalDepositPerByte × call length` until the proposal ends.
		///
		/// - `cohort`: the cohort that decides.
		/// - `call`: what to do, e.g. `cohorts.spend(cohort, research_team, amount)`; at most
		///   `MaxCallSize` bytes and `MaxCallWeight`.
		/// - `description_hash`: hash of the description members read (e.g. the study
		///   protocol), published off chain.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(
			origin: OriginFor<T>,
			cohort: CohortId,
			call: alloc::boxed::Box<<T as Config>::RuntimeCall>,
			description_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose(who, cohort, *call, description_hash).map(|_| ())
		}

		/// Vote on an open proposal, or change one's vote. `votes` votes cost `votes²` of the
		/// person's voice credits of this epoch; a vote already cast is refunded first.
		///
		/// - `proposal`: the proposal.
		/// - `choice`: `Aye` or `Nay`.
		/// - `votes`: how many votes (at least one).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			proposal: ProposalId,
			choice: Choice,
			votes: u32,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let lookups = Self::do_vote(who, proposal, choice, votes)?;
			// A vote pays for what it did: only a full ledger reads its proposals to prune
			// them, and only a new ledger or one whose epoch ended reads the cohort's params.
			let actual = match (lookups.pruned, lookups.epoch) {
				(true, _) => None,
				(false, EpochLookup::Done) => Some(T::WeightInfo::vote_without_pruning()),
				(false, EpochLookup::Skipped) => Some(T::WeightInfo::vote_within_epoch()),
			};
			Ok(actual.into())
		}

		/// Take one's vote back while the proposal is open; its credits return if they were
		/// spent in this epoch.
		///
		/// - `proposal`: the proposal.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_vote())]
		pub fn remove_vote(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_vote(who, proposal)
		}

		/// Close a proposal whose voting period is over. Anyone may. If it passed, its call is
		/// dispatched with the cohort's `Members` origin and the result is in the event.
		/// Charged for `MaxCallWeight`; what the call did not use is refunded.
		///
		/// - `proposal`: the proposal.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::close_passed()
				.max(T::WeightInfo::close_forfeited())
				.saturating_add(T::MaxCallWeight::get())
		)]
		pub fn close(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_close(proposal)
		}

		/// Cancel a proposal in an emergency; its deposit goes to the cohort treasury. Council
		/// (two thirds) only.
		///
		/// - `proposal`: the proposal.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			Self::do_cancel(proposal)
		}

		/// Withdraw one's own proposal while nobody has voted on it; its deposit is returned.
		///
		/// - `proposal`: the proposal.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, proposal)
		}
	}
}
