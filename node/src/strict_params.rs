//! Refuses JSON-RPC calls that pass more positional parameters than the method takes.
//!
//! jsonrpsee reads the parameters a method declares and silently drops any after them: a client
//! that passes a parameter the method does not take is answered as if it had not, and may
//! believe the answer took it into account. Such a call fails here with `-32602 Invalid
//! params`, saying how many parameters the method takes.

use futures::FutureExt;
use jsonrpsee::{
	types::{error::INVALID_PARAMS_CODE, ErrorObject, ErrorObjectOwned, Params},
	MethodCallback, MethodResponse, RpcModule,
};
use std::sync::Arc;

/// Makes each method of `module` named in `max_params` refuse calls with more positional
/// parameters than its count. Fails if one of them is not a plain method of `module`.
pub fn refuse_extra_params<Context: Send + Sync + 'static>(
	module: &mut RpcModule<Context>,
	max_params: &[(&'static str, usize)],
) -> Result<(), String> {
	for &(name, max) in max_params {
		let strict = match module.remove_method(name) {
			Some(MethodCallback::Sync(call)) => MethodCallback::Sync(Arc::new(
				move |id, params: Params<'_>, max_response, extensions| {
					if let Some(error) = excess(name, &params, max) {
						return MethodResponse::error(id, error);
					}
					call(id, params, max_response, extensions)
				},
			)),
			Some(MethodCallback::Async(call)) => MethodCallback::Async(Arc::new(
				move |id, params, connection, max_response, extensions| {
					if let Some(error) = excess(name, &params, max) {
						return futures::future::ready(MethodResponse::error(id, error)).boxed();
					}
					call(id, params, connection, max_response, extensions)
				},
			)),
			_ => return Err(format!("{name} is not a plain method of this RPC module")),
		};
		module.verify_and_insert(name, strict).map_err(|error| error.to_string())?;
	}
	Ok(())
}

/// The error for a call passing more than `max` positional parameters to `method`.
fn excess(method: &str, params: &Params<'_>, max: usize) -> Option<ErrorObjectOwned> {
	// Named parameters (an object) are matched by name; only an array can run past the end.
	let count = params.parse::<Vec<serde::de::IgnoredAny>>().ok()?.len();
	(count > max).then(|| {
		ErrorObject::owned(
			INVALID_PARAMS_CODE,
			"Invalid params",
			Some(format!("{method} takes at most {max} parameters, got {count}")),
		)
	})
}
