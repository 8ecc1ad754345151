//! # Quadratic voting
//!
//! How a cohort decides. An active member **proposes** a call (most often a treasury `spend`
//! to a research team) with a deposit; the cohort's members **vote** on it; after the voting
//! period anyone **closes** it, and a passed proposal is dispatched with the cohort's
//! `Members` origin ([`Config::MembersOrigin`]): this pallet is where that origin comes from.
//!
//! - **Voice credits belong to persons, not accounts.** Each person (membership nullifier)
//!   receives the cohort's `voice_credits_per_epoch` in every credit epoch (block number divided
//!   by the cohort's `epoch_length`). Casting `v` votes costs `v²` credits. Changing a vote
//!   refunds the old cost first; [`Pallet::remove_vote`] refunds it. A refund goes back only to
//!   the epoch the credits were spent in: credits do not carry over. A rotated key finds the
//!   same ledger, so it brings no fresh credits.
//! - **Closing.** A proposal passes iff `ayes > nays` and the number of distinct voters reaches
//!   the cohort's quorum (a `Permill` of its active members, rounded up). A passed proposal is
//!   dispatched (unless the cohort is frozen) and the result is in [`Event::Closed`]. The
//!   deposit is returned, except when the quorum was not reached and no one but the proposer
//!   voted: then it goes to the cohort treasury (a proposal no other member cared about is
//!   spam).
//! - The council ([`Config::CancelOrigin`]) can **cancel** a proposal; the proposer can
//!   **withdraw** one that has no votes. Both return the deposit.
//! - **Revocation cascade.** When a member is suspended or leaves, pallet-membership tells this
//!   pallet ([`MembershipHooks`]) and their live votes leave the tallies at once (their credits
//!   of the current epoch come back, as if they had removed the votes themselves).
//!
//! Bounds: a cohort has at most `MaxOpenProposals` open proposals, a person at most
//! `MaxLiveVotes` live votes, so every call and notification is O(1) in members and voters
//! (at most `MaxLiveVotes` proposals are touched). Proposals that close leave their votes in
//! voters' ledgers as stale entries; they are pruned when a ledger needs room, never by
//! iterating over voters.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use cohort_primitives::{CohortId, Nullifier};
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: a cohort, and a way to make members.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An active cohort whose voting period is short and whose credits allow 10 votes.
	fn cohort() -> CohortId;
	/// Makes `who` an active member of `cohort` as person `index`; returns the person.
	fn member(cohort: CohortId, who: &AccountId, index: u32) -> Nullifier;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use codec::DecodeLimit;
	use cohort_primitives::{
		CohortVoting, CohortsInspect, MembershipChange, MembershipHooks, MembershipInspect,
	};
	use frame_support::{
		dispatch::{extract_actual_weight, GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Precision, Restriction},
			IsType,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::{Convert, Dispatchable, Saturating, Zero};

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

	/// How deeply a stored call may nest when decoded (as in pallet-scheduler).
	const CALL_DECODE_DEPTH_LIMIT: u32 = 256;

	#[pallet::pallet]
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

		/// Who is an active member, and how many there are (pallet-membership).
		type Membership: MembershipInspect<Self::AccountId>;

		/// The origin a passed proposal is dispatched with: the cohort's members
		/// (`pallet_cohorts::Origin::Members` in the runtime).
		type MembersOrigin: Convert<CohortId, Self::RuntimeOrigin>;

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

	/// Each person's voice credits and live votes, by cohort and person. Covered by the
	/// person's membership deposit (one bounded record per membership).
	#[pallet::storage]
	pub type Voters<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Blake2_128Concat, Nullifier, VoterOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A member proposed a call.
		Proposed {
			/// The new proposal.
			proposal: ProposalId,
			/// The cohort that decides.
			cohort: CohortId,
			/// Who proposed it.
			proposer: T::AccountId,
			/// Hash of its description.
			description_hash: H256,
			/// The first block at which votes are no longer taken.
			ends_at: BlockNumberFor<T>,
			/// The deposit held on the proposer.
			deposit: BalanceOf<T>,
		},
		/// A member voted (or changed their vote).
		Voted {
			/// The proposal.
			proposal: ProposalId,
			/// The member's account.
			voter: T::AccountId,
			/// Which way.
			choice: Choice,
			/// How many votes.
			votes: u32,
			/// What they cost, in voice credits.
			cost: u32,
			/// The member's credits left in this epoch.
			credits_left: u32,
		},
		/// A member removed their vote.
		VoteRemoved {
			/// The proposal.
			proposal: ProposalId,
			/// The member's account.
			voter: T::AccountId,
			/// Credits given back to this epoch (zero if cast in an earlier epoch).
			refunded: u32,
		},
		/// A suspended or departed member's live votes left the tallies.
		VotesDropped {
			/// The cohort.
			cohort: CohortId,
			/// The person.
			person: Nullifier,
			/// On how many proposals.
			proposals: u32,
		},
		/// A proposal was closed after its voting period.
		Closed {
			/// The proposal.
			proposal: ProposalId,
			/// Its cohort.
			cohort: CohortId,
			/// The final tally.
			tally: Tally,
			/// How many voters the quorum required.
			quorum: u32,
			/// Passed (with the dispatch result), rejected, or quorum not reached.
			outcome: Outcome,
		},
		/// The council cancelled a proposal; the deposit was returned.
		Cancelled {
			/// The proposal.
			proposal: ProposalId,
			/// Its cohort.
			cohort: CohortId,
		},
		/// The proposer withdrew a proposal nobody had voted on; the deposit was returned.
		Withdrawn {
			/// The proposal.
			proposal: ProposalId,
			/// Its cohort.
			cohort: CohortId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The cohort does not exist.
		UnknownCohort,
		/// The cohort is frozen: it takes no proposals, and passed proposals are not
		/// dispatched.
		CohortFrozen,
		/// The account holds no active membership of the cohort.
		NotActiveMember,
		/// The encoded call is longer than `MaxCallSize`.
		CallTooLarge,
		/// The call weighs more than `MaxCallWeight`.
		CallTooHeavy,
		/// The stored call no longer decodes (the runtime changed since it was proposed).
		CallUndecodable,
		/// The cohort has `MaxOpenProposals` open proposals: close or withdraw one first.
		TooManyOpenProposals,
		/// The proposer cannot pay the deposit.
		InsufficientDeposit,
		/// No open proposal has this id.
		UnknownProposal,
		/// The voting period is over.
		VotingEnded,
		/// The voting period is not over yet.
		VotingOpen,
		/// Zero votes: use `remove_vote` to take a vote back.
		ZeroVotes,
		/// The votes cost more credits than are left in this epoch.
		InsufficientCredits,
		/// The person holds `MaxLiveVotes` live votes: remove one, or wait for proposals to
		/// close.
		TooManyLiveVotes,
		/// The person has no vote on this proposal.
		NoVote,
		/// Only the proposer may withdraw a proposal.
		NotProposer,
		/// The proposal has votes: it can no longer be withdrawn.
		HasVotes,
		/// No more proposal ids.
		ProposalIdOverflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// A forfeited deposit must be able to open an empty treasury account.
			assert!(
				T::ProposalDepositBase::get() >= T::Currency::minimum_balance(),
				"ProposalDepositBase must be at least the existential deposit"
			);
			assert!(T::MaxOpenProposals::get() > 0, "MaxOpenProposals must not be zero");
			assert!(T::MaxLiveVotes::get() > 0, "MaxLiveVotes must not be zero");
			assert!(T::MaxCallSize::get() > 0, "MaxCallSize must not be zero");
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
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vote(who, proposal, choice, votes)
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

		/// Cancel a proposal in an emergency; its deposit is returned. Council (two thirds)
		/// only.
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

	impl<T: Config> Pallet<T> {
		fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		fn voting_params(
			cohort: CohortId,
		) -> Result<cohort_primitives::VotingParams<BlockNumberFor<T>>, DispatchError> {
			T::Cohorts::voting_params(cohort).ok_or_else(|| Error::<T>::UnknownCohort.into())
		}

		/// The credit epoch `now` falls in, for epochs of `epoch_length` blocks.
		fn epoch_at(now: BlockNumberFor<T>, epoch_length: BlockNumberFor<T>) -> BlockNumberFor<T> {
			now.checked_div(&epoch_length).unwrap_or_default()
		}

		/// `person`'s ledger in `cohort`, with the credits of the current epoch granted if
		/// the ledger was for an earlier one.
		fn current_voter(
			cohort: CohortId,
			person: &Nullifier,
		) -> Result<VoterOf<T>, DispatchError> {
			let params = Self::voting_params(cohort)?;
			let epoch = Self::epoch_at(Self::now(), params.epoch_length);
			let mut voter = Voters::<T>::get(cohort, person).unwrap_or_else(|| Voter {
				epoch,
				granted: params.voice_credits_per_epoch,
				spent: 0,
				votes: BoundedVec::new(),
			});
			if voter.epoch != epoch {
				voter.epoch = epoch;
				voter.granted = params.voice_credits_per_epoch;
				voter.spent = 0;
			}
			Ok(voter)
		}

		/// Voice credits `person` has left in `cohort` in the current epoch.
		pub fn credits_left(cohort: CohortId, person: &Nullifier) -> u32 {
			Self::current_voter(cohort, person).map_or(0, |voter| voter.credits_left())
		}

		/// Takes `vote` out of `voter`'s ledger's spending, if it was paid in the ledger's
		/// epoch; returns the credits given back.
		fn refund(voter: &mut VoterOf<T>, vote: &CastVote<BlockNumberFor<T>>) -> u32 {
			if vote.epoch != voter.epoch {
				return 0;
			}
			let refund = vote.cost().min(voter.spent);
			voter.spent = voter.spent.saturating_sub(refund);
			refund
		}

		fn release_deposit(proposal: &ProposalOf<T>) -> DispatchResult {
			T::Currency::release(
				&HoldReason::ProposalDeposit.into(),
				&proposal.proposer,
				proposal.deposit,
				Precision::BestEffort,
			)
			.map(|_| ())
		}

		/// Removes an open proposal and its count.
		fn remove_proposal(id: ProposalId, cohort: CohortId) {
			Proposals::<T>::remove(id);
			OpenProposals::<T>::mutate(cohort, |open| *open = open.saturating_sub(1));
		}

		pub(crate) fn do_propose(
			who: T::AccountId,
			cohort: CohortId,
			call: <T as Config>::RuntimeCall,
			description_hash: H256,
		) -> Result<ProposalId, DispatchError> {
			let params = Self::voting_params(cohort)?;
			ensure!(T::Cohorts::is_active(cohort), Error::<T>::CohortFrozen);
			let person =
				T::Membership::active_person(cohort, &who).ok_or(Error::<T>::NotActiveMember)?;
			let encoded: BoundedVec<u8, T::MaxCallSize> =
				call.encode().try_into().map_err(|_| Error::<T>::CallTooLarge)?;
			let call_weight = call.get_dispatch_info().call_weight;
			ensure!(call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::CallTooHeavy);
			let open = OpenProposals::<T>::get(cohort);
			ensure!(open < T::MaxOpenProposals::get(), Error::<T>::TooManyOpenProposals);
			let id = NextProposalId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::ProposalIdOverflow)?;

			let length: BalanceOf<T> = (encoded.len() as u32).into();
			let deposit = T::ProposalDepositBase::get()
				.saturating_add(T::ProposalDepositPerByte::get().saturating_mul(length));
			T::Currency::hold(&HoldReason::ProposalDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;

			let ends_at = Self::now().saturating_add(params.voting_period);
			Proposals::<T>::insert(
				id,
				Proposal {
					cohort,
					proposer: who.clone(),
					proposer_person: person,
					call: encoded,
					call_weight,
					description_hash,
					deposit,
					ends_at,
					tally: Tally::default(),
				},
			);
			OpenProposals::<T>::insert(cohort, open.saturating_add(1));
			NextProposalId::<T>::put(next);
			Self::deposit_event(Event::Proposed {
				proposal: id,
				cohort,
				proposer: who,
				description_hash,
				ends_at,
				deposit,
			});
			Ok(id)
		}

		pub(crate) fn do_vote(
			who: T::AccountId,
			id: ProposalId,
			choice: Choice,
			votes: u32,
		) -> DispatchResult {
			let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			ensure!(Self::now() < proposal.ends_at, Error::<T>::VotingEnded);
			ensure!(!votes.is_zero(), Error::<T>::ZeroVotes);
			let cohort = proposal.cohort;
			let person =
				T::Membership::active_person(cohort, &who).ok_or(Error::<T>::NotActiveMember)?;
			let mut voter = Self::current_voter(cohort, &person)?;

			if let Some(position) = voter.votes.iter().position(|v| v.proposal == id) {
				let old = voter.votes.remove(position);
				proposal.tally.remove(old.choice, old.votes);
				Self::refund(&mut voter, &old);
			}
			let cost = credits_for(votes).ok_or(Error::<T>::InsufficientCredits)?;
			ensure!(cost <= voter.credits_left(), Error::<T>::InsufficientCredits);
			if voter.votes.is_full() {
				// Room is needed: forget votes on proposals that have closed since.
				voter.votes.retain(|v| Proposals::<T>::contains_key(v.proposal));
			}
			let epoch = voter.epoch;
			voter
				.votes
				.try_push(CastVote { proposal: id, choice, votes, epoch })
				.map_err(|_| Error::<T>::TooManyLiveVotes)?;
			voter.spent = voter.spent.saturating_add(cost);
			proposal.tally.add(choice, votes);

			let credits_left = voter.credits_left();
			Voters::<T>::insert(cohort, person, voter);
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::Voted {
				proposal: id,
				voter: who,
				choice,
				votes,
				cost,
				credits_left,
			});
			Ok(())
		}

		pub(crate) fn do_remove_vote(who: T::AccountId, id: ProposalId) -> DispatchResult {
			let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			ensure!(Self::now() < proposal.ends_at, Error::<T>::VotingEnded);
			let cohort = proposal.cohort;
			let person =
				T::Membership::active_person(cohort, &who).ok_or(Error::<T>::NotActiveMember)?;
			let mut voter = Self::current_voter(cohort, &person)?;
			let position =
				voter.votes.iter().position(|v| v.proposal == id).ok_or(Error::<T>::NoVote)?;
			let old = voter.votes.remove(position);
			proposal.tally.remove(old.choice, old.votes);
			let refunded = Self::refund(&mut voter, &old);
			Voters::<T>::insert(cohort, person, voter);
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::VoteRemoved { proposal: id, voter: who, refunded });
			Ok(())
		}

		/// Dispatches a passed proposal's call with its cohort's `Members` origin; returns the
		/// result and the weight the call used.
		fn dispatch(proposal: &ProposalOf<T>) -> (DispatchResult, Weight) {
			if !T::Cohorts::is_active(proposal.cohort) {
				return (Err(Error::<T>::CohortFrozen.into()), Weight::zero());
			}
			let Ok(call) = <T as Config>::RuntimeCall::decode_all_with_depth_limit(
				CALL_DECODE_DEPTH_LIMIT,
				&mut &proposal.call[..],
			) else {
				return (Err(Error::<T>::CallUndecodable.into()), Weight::zero());
			};
			let info = call.get_dispatch_info();
			if !info.call_weight.all_lte(T::MaxCallWeight::get()) {
				return (Err(Error::<T>::CallTooHeavy.into()), Weight::zero());
			}
			let outcome = call.dispatch(T::MembersOrigin::convert(proposal.cohort));
			let used = extract_actual_weight(&outcome, &info);
			(outcome.map(|_| ()).map_err(|e| e.error), used)
		}

		pub(crate) fn do_close(id: ProposalId) -> DispatchResultWithPostInfo {
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			ensure!(Self::now() >= proposal.ends_at, Error::<T>::VotingOpen);
			let cohort = proposal.cohort;
			let params = Self::voting_params(cohort)?;
			let tally = proposal.tally;
			let quorum = params.quorum.mul_ceil(T::Membership::active_members(cohort));
			Self::remove_proposal(id, cohort);

			let (outcome, weight) = if tally.voters >= quorum {
				Self::release_deposit(&proposal)?;
				if tally.ayes > tally.nays {
					let (result, used) = Self::dispatch(&proposal);
					(Outcome::Passed { result }, T::WeightInfo::close_passed().saturating_add(used))
				} else {
					(Outcome::Rejected, T::WeightInfo::close_passed())
				}
			} else {
				let proposer_voted = Voters::<T>::get(cohort, proposal.proposer_person)
					.is_some_and(|voter| voter.votes.iter().any(|v| v.proposal == id));
				let only_proposer = tally.voters == 0 || (tally.voters == 1 && proposer_voted);
				if only_proposer {
					T::Currency::transfer_on_hold(
						&HoldReason::ProposalDeposit.into(),
						&proposal.proposer,
						&T::Cohorts::treasury_account(cohort),
						proposal.deposit,
						Precision::BestEffort,
						Restriction::Free,
						frame_support::traits::tokens::Fortitude::Force,
					)?;
				} else {
					Self::release_deposit(&proposal)?;
				}
				(
					Outcome::QuorumNotReached { deposit_forfeited: only_proposer },
					T::WeightInfo::close_forfeited(),
				)
			};
			Self::deposit_event(Event::Closed { proposal: id, cohort, tally, quorum, outcome });
			Ok(Some(weight).into())
		}

		pub(crate) fn do_cancel(id: ProposalId) -> DispatchResult {
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			Self::remove_proposal(id, proposal.cohort);
			Self::release_deposit(&proposal)?;
			Self::deposit_event(Event::Cancelled { proposal: id, cohort: proposal.cohort });
			Ok(())
		}

		pub(crate) fn do_withdraw(who: T::AccountId, id: ProposalId) -> DispatchResult {
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
			ensure!(proposal.proposer == who, Error::<T>::NotProposer);
			ensure!(proposal.tally.voters == 0, Error::<T>::HasVotes);
			Self::remove_proposal(id, proposal.cohort);
			Self::release_deposit(&proposal)?;
			Self::deposit_event(Event::Withdrawn { proposal: id, cohort: proposal.cohort });
			Ok(())
		}

		/// Takes `person`'s live votes out of the tallies (suspension or departure). Their
		/// credits spent in the ledger's epoch come back, as with `remove_vote`.
		pub(crate) fn drop_votes(cohort: CohortId, person: &Nullifier) -> DispatchResult {
			let Some(mut voter) = Voters::<T>::get(cohort, person) else { return Ok(()) };
			let mut dropped: u32 = 0;
			for vote in core::mem::take(&mut voter.votes) {
				let Some(mut proposal) = Proposals::<T>::get(vote.proposal) else {
					// Stale: the proposal has closed; its credits stay spent.
					continue;
				};
				proposal.tally.remove(vote.choice, vote.votes);
				Proposals::<T>::insert(vote.proposal, proposal);
				Self::refund(&mut voter, &vote);
				dropped = dropped.saturating_add(1);
			}
			Voters::<T>::insert(cohort, person, voter);
			if dropped > 0 {
				Self::deposit_event(Event::VotesDropped {
					cohort,
					person: *person,
					proposals: dropped,
				});
			}
			Ok(())
		}

		/// The invariants this pallet owns:
		///
		/// 1. every proposal id is below `NextProposalId`;
		/// 2. each proposal's tally equals the sum of the live votes behind it (ayes, nays and
		///    the number of voters), and those votes are in ledgers of the proposal's cohort;
		/// 3. no person has spent more credits in an epoch than granted, and the live votes
		///    paid in the ledger's epoch cost no more than it spent; a ledger holds at most one
		///    vote per proposal, none of zero votes;
		/// 4. `OpenProposals` of each cohort equals its proposals, and is at most
		///    `MaxOpenProposals`;
		/// 5. the deposit held on each proposer equals the sum of their open proposals'
		///    deposits.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
			let next = NextProposalId::<T>::get();
			let mut open: BTreeMap<CohortId, u32> = BTreeMap::new();
			let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			let mut tallies: BTreeMap<ProposalId, Tally> = BTreeMap::new();
			for (id, proposal) in Proposals::<T>::iter() {
				ensure!(id < next, "a proposal id is not below NextProposalId");
				let count = open.entry(proposal.cohort).or_default();
				*count = count.saturating_add(1);
				let held = deposits.entry(proposal.proposer.clone()).or_default();
				*held = held.saturating_add(proposal.deposit);
				tallies.insert(id, Tally::default());
			}
			for (cohort, _, voter) in Voters::<T>::iter() {
				ensure!(voter.spent <= voter.granted, "a person spent more credits than granted");
				let mut seen = BTreeSet::new();
				let mut paid_this_epoch: u64 = 0;
				for vote in voter.votes.iter() {
					ensure!(seen.insert(vote.proposal), "two votes of one person on a proposal");
					ensure!(vote.votes > 0, "a vote of zero votes");
					let Some(tally) = tallies.get_mut(&vote.proposal) else { continue };
					let proposal = Proposals::<T>::get(vote.proposal).ok_or("no proposal")?;
					ensure!(proposal.cohort == cohort, "a vote in the ledger of another cohort");
					tally.add(vote.choice, vote.votes);
					if vote.epoch == voter.epoch {
						paid_this_epoch = paid_this_epoch.saturating_add(vote.cost().into());
					}
				}
				ensure!(
					paid_this_epoch <= u64::from(voter.spent),
					"live votes cost more than the credits spent"
				);
			}
			for (id, tally) in tallies {
				let proposal = Proposals::<T>::get(id).ok_or("no proposal")?;
				ensure!(proposal.tally == tally, "a tally differs from the live votes behind it");
			}
			for (cohort, count) in OpenProposals::<T>::iter() {
				ensure!(
					open.remove(&cohort).unwrap_or_default() == count,
					"open proposal count differs from the proposals"
				);
				ensure!(count <= T::MaxOpenProposals::get(), "too many open proposals");
			}
			ensure!(open.is_empty(), "proposals of a cohort without an open count");
			for (proposer, total) in deposits {
				let held =
					T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &proposer);
				ensure!(held == total, "held proposal deposits differ from the proposals");
			}
			Ok(())
		}
	}

	impl<T: Config> MembershipHooks<T::AccountId> for Pallet<T> {
		fn on_joined(_: CohortId, _: &Nullifier, _: &T::AccountId, _: u64) -> DispatchResult {
			Ok(())
		}
		fn on_suspended(cohort: CohortId, person: &Nullifier) -> DispatchResult {
			Self::drop_votes(cohort, person)
		}
		fn on_restored(_: CohortId, _: &Nullifier) -> DispatchResult {
			Ok(())
		}
		fn on_left(cohort: CohortId, person: &Nullifier) -> DispatchResult {
			Self::drop_votes(cohort, person)
		}
		fn on_rotated(
			_: CohortId,
			_: &Nullifier,
			_: &T::AccountId,
			_: &T::AccountId,
		) -> DispatchResult {
			// Ledgers are keyed by person: the new key finds the same credits and votes.
			Ok(())
		}
		fn on_consent_changed(
			_: CohortId,
			_: &Nullifier,
			_: cohort_primitives::Consent,
			_: cohort_primitives::Consent,
		) -> DispatchResult {
			Ok(())
		}
		fn on_units_changed(_: CohortId, _: &Nullifier, _: u64, _: u64) -> DispatchResult {
			Ok(())
		}
		fn weight(change: MembershipChange) -> Weight {
			match change {
				MembershipChange::Suspended | MembershipChange::Left => T::WeightInfo::drop_votes(),
				_ => Weight::zero(),
			}
		}
	}
}
