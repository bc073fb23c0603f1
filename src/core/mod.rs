//! The sans-IO core: builds and parses Cognito requests, computes SecretHash and Signature V4,
//! and runs the form's state machine. Nothing here touches the browser.

pub mod error;
pub mod form;
pub mod i18n;
pub mod json;
pub mod protocol;
mod secret;
pub mod secret_hash;
pub mod sigv4;
pub mod text;
pub mod validate;

pub use error::{CognitoError, ErrorDetails, ErrorKind, ErrorName};
pub use protocol::{
    build_request, parse_response, sign_request, AdminConfirmSignUpRequest, CodeDeliveryDetails,
    CognitoRequest, ConfirmSignUpRequest, Endpoint, HttpRequest, Operation, Request,
    ResendConfirmationCodeRequest, SecretHashSlot, Source,
};
pub use secret::Secret;
pub use secret_hash::secret_hash;
pub use sigv4::{Credentials, SigningTime};
