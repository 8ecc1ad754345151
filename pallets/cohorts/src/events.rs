//! The pallet's events and errors: what it tells and what it refuses (a section of the pallet
//! module in `lib.rs`).

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council set the platform's share of licence revenue.
		PlatformShareSet { share: Permill },
		/// The council set the least share of licence revenue an operator must leave its
		/// cohort's members.
		MembersShareFloorSet { floor: Permill },
		/// The operator of a private-business cohort set its revenue split.
		RevenueSplitSet {
			/// The cohort.
			cohort: CohortId,
			/// The members' share of every licence's price.
			members_share: Permill,
			/// The operator's share (cut to what members and platform leave).
			operator_share: Permill,
		},
		/// The council approved an issuer.
		IssuerApproved {
			/// The issuer's account.
			issuer: T::AccountId,
		},
		/// The council removed an issuer; it attests for no cohort any more.
		IssuerRemoved {
			/// The issuer's account.
			issuer: T::AccountId,
		},
		/// An issuer withdrew the credentials it had handed out: only those issued at
		/// `valid_from` or later count.
		CredentialsWithdrawn {
			/// The issuer's account.
			issuer: T::AccountId,
			/// The earliest issue block that counts.
			valid_from: BlockNumberFor<T>,
		},
		/// A cohort was created.
		CohortCreated {
			/// The new cohort.
			cohort: CohortId,
			/// Who created it and holds its deposit.
			creator: T::AccountId,
			/// Its condition code.
			condition: ConditionOf<T>,
			/// Its treasury account.
			treasury: T::AccountId,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// A cohort's settings changed.
		CohortUpdated {
			/// The cohort.
			cohort: CohortId,
			/// The new settings.
			settings: SettingsOf<T>,
		},
		/// A cohort accepts an issuer.
		IssuerAccepted {
			/// The cohort.
			cohort: CohortId,
			/// The issuer.
			issuer: T::AccountId,
		},
		/// A cohort no longer accepts an issuer.
		IssuerDropped {
			/// The cohort.
			cohort: CohortId,
			/// The issuer.
			issuer: T::AccountId,
		},
		/// A cohort paid from its treasury.
		TreasurySpent {
			/// The cohort.
			cohort: CohortId,
			/// Who was paid.
			beneficiary: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// The council froze a cohort.
		CohortFrozen {
			/// The cohort.
			cohort: CohortId,
		},
		/// The council unfroze a cohort.
		CohortUnfrozen {
			/// The cohort.
			cohort: CohortId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No cohort has this id.
		UnknownCohort,
		/// The members' share exceeds what the largest platform share leaves
		/// (1 - `MaxPlatformShare`).
		MembersShareTooHigh,
		/// The platform share exceeds `MaxPlatformShare`.
		PlatformShareTooHigh,
		/// The cohort name is empty.
		EmptyName,
		/// The condition code is empty or has characters other than letters, digits and `.`.
		InvalidConditionCode,
		/// The voting period, epoch length or voice credits are zero, or the quorum is zero.
		InvalidVotingParams,
		/// The voting period is longer than `MaxVotingPeriod`: a licence vote could not end
		/// within the licence review period.
		VotingPeriodTooLong,
		/// The k-anonymity floor is zero: every licence needs at least one consenting member.
		InvalidKAnonymityFloor,
		/// The issuer is already approved.
		IssuerAlreadyApproved,
		/// The account is not an approved issuer.
		NotApprovedIssuer,
		/// The cohort already accepts this issuer.
		IssuerAlreadyAccepted,
		/// The cohort does not accept this issuer.
		IssuerNotAccepted,
		/// The cohort accepts the most issuers it may.
		TooManyIssuers,
		/// The issuer list names an issuer twice.
		DuplicateIssuer,
		/// The cohort is frozen.
		CohortFrozen,
		/// The cohort is not frozen.
		CohortNotFrozen,
		/// The origin is the cohort origin of another cohort.
		WrongCohort,
		/// The origin may not do this for the cohort (not its members, nor its trustees for
		/// what trustees may do).
		NotCohortAuthority,
		/// The treasury cannot pay this much and stay alive.
		InsufficientTreasury,
		/// The creator cannot pay the cohort deposit.
		InsufficientDeposit,
		/// No more cohort ids.
		CohortIdOverflow,
		/// An operator would leave the members less than the council's floor
		/// (`MembersShareFloor`).
		MembersShareBelowFloor,
		/// The members' and the operator's shares together exceed what the largest platform
		/// share leaves (1 - `MaxPlatformShare`).
		OperatorShareTooHigh,
		/// The floor exceeds what the largest platform share leaves: no operator could meet it.
		FloorTooHigh,
		/// In a private-business cohort the operator decides the revenue split, and the members
		/// may not change who operates it.
		OperatorDecides,
		/// The epoch length is longer than `MaxEpochLength`.
		EpochTooLong,
	}
}
