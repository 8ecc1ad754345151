//! What Cohort's benchmarks dispatch: a call with the weight it declares, so that each benchmark
//! also checks, on its worst case, that the weight the call reports after dispatch is no more
//! than the weight it declared before. The runtime's benchmark tests run every benchmark on the
//! real runtime with its measured weights, which makes this the "actual ≤ declared" test of
//! every call.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{dispatch::GetDispatchInfo, traits::UnfilteredDispatchable, weights::Weight};

/// A call ready to dispatch, encoded as a transaction carries it.
pub struct BenchmarkedCall<Call: UnfilteredDispatchable> {
	encoded: Vec<u8>,
	origin: Call::RuntimeOrigin,
	declared: Weight,
	_call: PhantomData<Call>,
}

/// The weights of a dispatched call: declared before dispatch, and used (as it reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
	pub declared: Weight,
	pub actual: Weight,
}

impl<Call> BenchmarkedCall<Call>
where
	Call: UnfilteredDispatchable + GetDispatchInfo + Encode + Decode,
{
	pub fn new(call: Call, origin: impl Into<Call::RuntimeOrigin>) -> Self {
		Self {
			declared: call.get_dispatch_info().call_weight,
			encoded: call.encode(),
			origin: origin.into(),
			_call: PhantomData,
		}
	}

	/// Decodes and dispatches the call, as FRAME's `#[extrinsic_call]` does: the part a
	/// benchmark measures. A benchmark's call must succeed.
	#[allow(clippy::expect_used)]
	pub fn dispatch(self) -> Reported {
		let call = Call::decode(&mut &self.encoded[..]).expect("a call decodes its own encoding");
		let post = call.dispatch_bypass_filter(self.origin).expect("the benchmarked call succeeds");
		Reported { declared: self.declared, actual: post.actual_weight.unwrap_or(self.declared) }
	}
}

impl Reported {
	/// Fails the benchmark if the call reported more weight than it declared: the block would
	/// then hold more than its limit, and the fee would be too low.
	#[allow(clippy::panic)]
	pub fn assert_within_declared(&self) {
		if !self.actual.all_lte(self.declared) {
			panic!("actual weight {:?} exceeds the declared {:?}", self.actual, self.declared);
		}
	}
}
