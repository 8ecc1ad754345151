//! What each call does, once its origin is checked.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Preservation,
	},
};
use sp_runtime::traits::{One, Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_issuer(issuer: T::AccountId) -> DispatchResult {
		ensure!(!Issuers::<T>::contains_key(&issuer), Error::<T>::IssuerAlreadyApproved);
		let now = frame_system::Pallet::<T>::block_number();
		Issuers::<T>::insert(&issuer, IssuerInfo::approved(now));
		Self::deposit_event(Event::IssuerApproved { issuer });
		Ok(())
	}

	pub(crate) fn do_remove_issuer(issuer: T::AccountId) -> DispatchResult {
		ensure!(Issuers::<T>::take(&issuer).is_some(), Error::<T>::NotApprovedIssuer);
		T::OnIssuerWithdrawn::on_issuer_withdrawn(&issuer, None);
		Self::deposit_event(Event::IssuerRemoved { issuer });
		Ok(())
	}

	/// From the next block on, only `issuer`'s credentials issued from then count.
	pub(crate) fn do_withdraw_credentials(issuer: T::AccountId) -> DispatchResult {
		let valid_from = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		Issuers::<T>::try_mutate(&issuer, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::NotApprovedIssuer)?;
			info.credentials_valid_from = valid_from;
			Ok(())
		})?;
		Self::deposit_event(Event::CredentialsWithdrawn { issuer, valid_from });
		Ok(())
	}

	/// Creates a cohort; returns its id.
	pub(crate) fn do_create_cohort(
		creator: T::AccountId,
		condition: ConditionOf<T>,
		settings: SettingsOf<T>,
		issuers: IssuerListOf<T>,
	) -> Result<CohortId, DispatchError> {
		Self::validate_condition(&condition)?;
		Self::validate_settings(&settings)?;
		Self::ensure_members_share_floor(&settings)?;
		Self::validate_issuer_list(&issuers)?;

		let cohort = NextCohortId::<T>::get();
		let next = cohort.checked_add(1).ok_or(Error::<T>::CohortIdOverflow)?;
		let deposit = T::CohortDeposit::get();
		T::Currency::hold(&HoldReason::CohortDeposit.into(), &creator, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		let treasury = Self::open_treasury(cohort, &creator)?;

		for issuer in issuers.iter() {
			AcceptedIssuers::<T>::insert(cohort, issuer, ());
		}
		let record = Cohort {
			creator: creator.clone(),
			deposit,
			condition: condition.clone(),
			settings,
			status: CohortStatus::Active,
			accepted_issuers: issuers.len() as u32,
			created_at: frame_system::Pallet::<T>::block_number(),
		};
		Registry::<T>::insert(cohort, record);
		NextCohortId::<T>::put(next);

		Self::deposit_event(Event::CohortCreated { cohort, creator, condition, treasury, deposit });
		for issuer in issuers {
			Self::deposit_event(Event::IssuerAccepted { cohort, issuer });
		}
		Ok(cohort)
	}

	/// The creator opens `cohort`'s treasury with the existential deposit, so that it can
	/// receive revenue shares of any size from the start. Returns the treasury account.
	fn open_treasury(
		cohort: CohortId,
		creator: &T::AccountId,
	) -> Result<T::AccountId, DispatchError> {
		let treasury = Self::treasury_account(cohort);
		let minimum = T::Currency::minimum_balance();
		let missing = minimum.saturating_sub(T::Currency::balance(&treasury));
		if !missing.is_zero() {
			T::Currency::transfer(creator, &treasury, missing, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
		}
		Ok(treasury)
	}

	pub(crate) fn do_update_cohort(cohort: CohortId, settings: SettingsOf<T>) -> DispatchResult {
		Self::validate_settings(&settings)?;
		Self::ensure_members_share_floor(&settings)?;
		Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
			let current = &record.settings;
			// The members of an operator's cohort keep their operator and its split.
			if current.governance.operator().is_some() {
				let kept = settings.governance == current.governance
					&& settings.members_share == current.members_share;
				ensure!(kept, Error::<T>::OperatorDecides);
			}
			record.settings = settings.clone();
			Ok(())
		})?;
		Self::deposit_event(Event::CohortUpdated { cohort, settings });
		Ok(())
	}

	pub(crate) fn do_set_revenue_split(
		cohort: CohortId,
		members_share: Permill,
		operator_share: Permill,
	) -> DispatchResult {
		Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
			let mut settings = record.settings.clone();
			let Governance::Operator { operator, .. } = settings.governance else {
				return Err(Error::<T>::NotCohortAuthority.into());
			};
			settings.governance = Governance::Operator { operator, operator_share };
			settings.members_share = members_share;
			Self::validate_settings(&settings)?;
			Self::ensure_members_share_floor(&settings)?;
			record.settings = settings;
			Ok(())
		})?;
		Self::deposit_event(Event::RevenueSplitSet { cohort, members_share, operator_share });
		Ok(())
	}

	pub(crate) fn do_accept_issuer(cohort: CohortId, issuer: T::AccountId) -> DispatchResult {
		ensure!(Issuers::<T>::contains_key(&issuer), Error::<T>::NotApprovedIssuer);
		ensure!(
			!AcceptedIssuers::<T>::contains_key(cohort, &issuer),
			Error::<T>::IssuerAlreadyAccepted
		);
		Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
			// A frozen cohort's authority may not let anyone new in (or change who may).
			ensure!(record.status == CohortStatus::Active, Error::<T>::CohortFrozen);
			ensure!(
				record.accepted_issuers < T::MaxIssuersPerCohort::get(),
				Error::<T>::TooManyIssuers
			);
			record.accepted_issuers = record.accepted_issuers.saturating_add(1);
			Ok(())
		})?;
		AcceptedIssuers::<T>::insert(cohort, &issuer, ());
		Self::deposit_event(Event::IssuerAccepted { cohort, issuer });
		Ok(())
	}

	pub(crate) fn do_drop_issuer(cohort: CohortId, issuer: T::AccountId) -> DispatchResult {
		ensure!(AcceptedIssuers::<T>::contains_key(cohort, &issuer), Error::<T>::IssuerNotAccepted);
		Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
			ensure!(record.status == CohortStatus::Active, Error::<T>::CohortFrozen);
			record.accepted_issuers = record.accepted_issuers.saturating_sub(1);
			Ok(())
		})?;
		AcceptedIssuers::<T>::remove(cohort, &issuer);
		T::OnIssuerWithdrawn::on_issuer_withdrawn(&issuer, Some(cohort));
		Self::deposit_event(Event::IssuerDropped { cohort, issuer });
		Ok(())
	}

	pub(crate) fn do_spend(
		cohort: CohortId,
		beneficiary: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let record = Registry::<T>::get(cohort).ok_or(Error::<T>::UnknownCohort)?;
		ensure!(record.status == CohortStatus::Active, Error::<T>::CohortFrozen);
		T::Currency::transfer(
			&Self::treasury_account(cohort),
			&beneficiary,
			amount,
			Preservation::Preserve,
		)
		.map_err(|_| Error::<T>::InsufficientTreasury)?;
		Self::deposit_event(Event::TreasurySpent { cohort, beneficiary, amount });
		Ok(())
	}

	/// Freezes (`status` frozen) or unfreezes (`status` active) a cohort.
	pub(crate) fn do_set_status(cohort: CohortId, status: CohortStatus) -> DispatchResult {
		Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
			match status {
				CohortStatus::Frozen => {
					ensure!(record.status == CohortStatus::Active, Error::<T>::CohortFrozen)
				},
				CohortStatus::Active => {
					ensure!(record.status == CohortStatus::Frozen, Error::<T>::CohortNotFrozen)
				},
			}
			record.status = status;
			Ok(())
		})?;
		Self::deposit_event(match status {
			CohortStatus::Frozen => Event::CohortFrozen { cohort },
			CohortStatus::Active => Event::CohortUnfrozen { cohort },
		});
		Ok(())
	}

	pub(crate) fn validate_condition(condition: &ConditionOf<T>) -> DispatchResult {
		ensure!(condition.is_well_formed(), Error::<T>::InvalidConditionCode);
		Ok(())
	}

	/// The most the members' share (with an operator's) may be: what the largest platform
	/// share leaves.
	pub(crate) fn most_members_share() -> Permill {
		Permill::one().saturating_sub(T::MaxPlatformShare::get())
	}

	/// Settings that hold whatever the council sets later (checked by `try_state` too).
	pub(crate) fn validate_settings(settings: &SettingsOf<T>) -> DispatchResult {
		ensure!(!settings.name.is_empty(), Error::<T>::EmptyName);
		let most = Self::most_members_share();
		ensure!(settings.members_share <= most, Error::<T>::MembersShareTooHigh);
		let room_left = most.saturating_sub(settings.members_share);
		let operator_fits = settings.governance.operator_share() <= room_left;
		ensure!(operator_fits, Error::<T>::OperatorShareTooHigh);
		ensure!(settings.k_anonymity_floor > 0, Error::<T>::InvalidKAnonymityFloor);
		let voting = &settings.voting;
		let valid = !voting.voting_period.is_zero()
			&& !voting.epoch_length.is_zero()
			&& voting.voice_credits_per_epoch > 0
			&& !voting.quorum.is_zero();
		ensure!(valid, Error::<T>::InvalidVotingParams);
		ensure!(voting.voting_period <= T::MaxVotingPeriod::get(), Error::<T>::VotingPeriodTooLong);
		ensure!(voting.epoch_length <= T::MaxEpochLength::get(), Error::<T>::EpochTooLong);
		Ok(())
	}

	/// An operator leaves its cohort's members at least the council's floor, when it sets the
	/// split (a floor raised later raises what members are paid: [`Cohort::revenue_split`]).
	fn ensure_members_share_floor(settings: &SettingsOf<T>) -> DispatchResult {
		if settings.governance.operator().is_some() {
			let floor = MembersShareFloor::<T>::get();
			ensure!(settings.members_share >= floor, Error::<T>::MembersShareBelowFloor);
		}
		Ok(())
	}

	/// Every issuer of a new cohort's list is approved, and named once.
	fn validate_issuer_list(issuers: &IssuerListOf<T>) -> DispatchResult {
		for (i, issuer) in issuers.iter().enumerate() {
			ensure!(Issuers::<T>::contains_key(issuer), Error::<T>::NotApprovedIssuer);
			ensure!(!issuers.iter().take(i).any(|e| e == issuer), Error::<T>::DuplicateIssuer);
		}
		Ok(())
	}
}
