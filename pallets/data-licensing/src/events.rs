//! The pallet's events and errors: what it tells and what it refuses (a section of the pallet
//! module in `lib.rs`).

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `cohort` registered `dataset` (`record_count` records, content hashed to
		/// `content_hash`).
		DatasetRegistered {
			dataset: DatasetId,
			cohort: CohortId,
			content_hash: H256,
			record_count: u64,
		},
		/// A cohort published `version` of `dataset` (`record_count` records, content hashed to
		/// `content_hash`).
		DatasetVersionPublished {
			dataset: DatasetId,
			version: u32,
			content_hash: H256,
			record_count: u64,
		},
		/// A cohort retired `dataset`: no new licences.
		DatasetRetired { dataset: DatasetId },
		/// A cohort removed the retired `dataset`; its deposit is released.
		DatasetRemoved { dataset: DatasetId },
		/// A cohort published `offer` on `dataset`: a licence for `purpose` costs `price` and
		/// gives access for `access_duration` blocks, on the terms hashed to `terms_hash`.
		OfferPublished {
			offer: OfferId,
			dataset: DatasetId,
			purpose: Purpose,
			price: BalanceOf<T>,
			access_duration: BlockNumberFor<T>,
			terms_hash: H256,
		},
		/// A cohort withdrew `offer`.
		OfferWithdrawn { offer: OfferId },
		/// `licensee` requested a licence under `offer` on `dataset` (`request`); `price` is
		/// held in escrow, unless they asked the cohort to pay it (`sponsorship_asked`).
		LicenceRequested {
			request: RequestId,
			licensee: T::AccountId,
			offer: OfferId,
			dataset: DatasetId,
			price: BalanceOf<T>,
			sponsorship_asked: bool,
		},
		/// `cohort` approved `request` for the reason hashed to `rationale`: the escrow was
		/// settled. `members_share` went to the members' royalty pool for `purpose` (to the
		/// treasury, and counted in `treasury_share`, if no consenting member has contribution
		/// units), `treasury_share` to the cohort treasury, `platform_share` to the platform,
		/// `operator_share` to the operator of a private-business cohort.
		LicenceApproved {
			request: RequestId,
			licensee: T::AccountId,
			dataset: DatasetId,
			cohort: CohortId,
			purpose: Purpose,
			members_share: BalanceOf<T>,
			treasury_share: BalanceOf<T>,
			platform_share: BalanceOf<T>,
			operator_share: BalanceOf<T>,
			rationale: H256,
		},
		/// A cohort rejected `licensee`'s `request` for the reason hashed to `rationale`; the
		/// escrow was released.
		LicenceRejected { request: RequestId, licensee: T::AccountId, rationale: H256 },
		/// `cohort`'s members pay `price` of `request` from their treasury (held there until
		/// the request is decided); the licensee's escrow was released.
		RequestSponsored { request: RequestId, cohort: CohortId, price: BalanceOf<T> },
		/// `licensee` withdrew their undecided `request` after the review period; the escrow
		/// was released.
		RequestWithdrawn { request: RequestId, licensee: T::AccountId },
		/// `licensee` may access `dataset` for `purpose` until block `expires_at` (a new grant
		/// or an extension).
		GrantIssued {
			dataset: DatasetId,
			licensee: T::AccountId,
			purpose: Purpose,
			expires_at: BlockNumberFor<T>,
		},
		/// A cohort revoked `licensee`'s grant to `dataset` for `purpose`, for breach; nothing
		/// was refunded.
		GrantRevoked { dataset: DatasetId, licensee: T::AccountId, purpose: Purpose },
		/// `licensee`'s expired grant to `dataset` for `purpose` was removed; its deposit went
		/// back to them.
		GrantExpired { dataset: DatasetId, licensee: T::AccountId, purpose: Purpose },
		/// `licensee` reported `outcome` (number in `cohort`) under the licence `request` to
		/// `dataset` for `purpose`: of `kind`, its document hashed to `outcome_hash`.
		OutcomeReported {
			cohort: CohortId,
			outcome: u32,
			request: RequestId,
			licensee: T::AccountId,
			dataset: DatasetId,
			purpose: Purpose,
			kind: OutcomeKind,
			outcome_hash: H256,
		},
		/// `licensee` withdrew `outcome` of `cohort`; its deposit was released.
		OutcomeWithdrawn { cohort: CohortId, outcome: u32, licensee: T::AccountId },
		/// `cohort` published `insight` for its members (a summary hashed to `insight_hash`).
		InsightPublished { cohort: CohortId, insight: u32, insight_hash: H256 },
		/// `cohort` removed `insight`; its deposit was released.
		InsightRemoved { cohort: CohortId, insight: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The cohort does not exist.
		UnknownCohort,
		/// The cohort is frozen: it registers, offers and approves nothing.
		CohortFrozen,
		/// No dataset has this id.
		UnknownDataset,
		/// The dataset is retired.
		DatasetRetired,
		/// Only a retired dataset is removed.
		DatasetNotRetired,
		/// Offers, open requests or grants still refer to the dataset.
		DatasetInUse,
		/// No offer has this id (it may have been withdrawn).
		UnknownOffer,
		/// The offer was withdrawn since the request was made.
		OfferGone,
		/// The dataset has `MaxOffersPerDataset` offers.
		TooManyOffers,
		/// An offer's access duration is zero.
		InvalidOffer,
		/// Only academic research and public health may be licensed for free: commercial and
		/// AI-training offers need a price.
		PriceRequired,
		/// Only requests for academic research or public health may be paid for by a treasury.
		NotSponsorable,
		/// The request is free: there is nothing to pay for.
		NothingToSponsor,
		/// The request's price is already paid for by the treasury.
		AlreadySponsored,
		/// The cohort's treasury cannot hold the price and stay alive.
		InsufficientTreasury,
		/// The request asked the cohort to pay its price, and it has not (yet): `sponsor` it
		/// first.
		AwaitingSponsor,
		/// No request has this id.
		UnknownRequest,
		/// Only the licensee may withdraw a request.
		NotLicensee,
		/// The review period is not over yet.
		ReviewPending,
		/// The review period is over: the request can no longer be approved, only withdrawn.
		ReviewPeriodOver,
		/// Fewer members consent to the purpose than the cohort's k-anonymity floor.
		BelowKAnonymityFloor,
		/// Memberships of a withdrawn issuer are still being suspended in this cohort and
		/// still count; try again in a few blocks, once they are out.
		SweepUnderway,
		/// There is no such grant.
		UnknownGrant,
		/// The grant has not expired yet.
		GrantLive,
		/// The account cannot pay the price and the deposit.
		InsufficientFunds,
		/// The settlement could not pay a share (e.g. into an account that cannot exist).
		SettlementFailed,
		/// No more ids.
		IdOverflow,
		/// The grant has `MaxOutcomesPerGrant` outcomes reported under it.
		TooManyOutcomes,
		/// No outcome has this number in the cohort.
		UnknownOutcome,
		/// No insight has this number in the cohort.
		UnknownInsight,
	}
}
