//! The sans-IO core: builds and reads Cognito requests, computes SecretHash and Signature V4,
//! and runs the form's state machine. Nothing here touches the browser.

pub mod endpoint;
pub mod error;
pub mod form;
pub mod i18n;
pub mod members;
pub mod protocol;
mod secret;
pub mod secret_hash;
pub mod sigv4;
pub mod validate;
pub mod wire;

pub use endpoint::{is_loopback, Endpoint};
pub use error::{CognitoError, ErrorBody, ErrorDetails, ErrorKind, ErrorName};
pub use protocol::{
    AdminConfirmSignUpRequest, CodeDeliveryDetails, CognitoRequest, ConfirmSignUpRequest, Operation, Request,
    ResendConfirmationCodeRequest, SecretHashSlot,
};
pub use secret::Secret;
pub use secret_hash::secret_hash;
pub use sigv4::{Credentials, SigningTime};
pub use wire::{build_request, sign_request, HttpRequest};
