//! What the form does in the browser: confirm (or the admin confirm), the sign-in that may
//! follow it, resend code and WebOTP.
//! The component (`ui/component.rs`) calls these from its event handlers and effects, which never
//! run on a server; they read and change its state through [`Ui`].

use std::rc::Rc;

use super::page;
use super::transport::{Answer, Client};
use crate::core::form::{normalize_code, Action, Form, Phase, SignInOutcome};
use crate::core::{
    AdminConfirmSignUpRequest, AuthParameters, CognitoError, ConfirmSignUpRequest, InitiateAuthRequest,
    Request, ResendConfirmationCodeRequest,
};
use crate::ui::component::Ui;
use crate::ui::flow::{now_ms, Config, Confirmed, Mode, Region, Resent, SignIn};

/// What runs with the answer to a request.
type Then = Box<dyn FnOnce(Result<Answer, CognitoError>)>;

/// Sends `request` in the background and hands the answer to `then`: one future type for every
/// action, where a future per action would each compile its own state machine.
fn send(client: Rc<Client>, request: Request, then: Then) {
    wasm_bindgen_futures::spawn_local(async move { then(client.call(request).await) });
}

fn username(view: &Ui, config: &Config) -> String {
    config
        .username
        .clone()
        .unwrap_or_else(|| view.typed_username().trim().to_owned())
}

fn report_error(view: &Ui, config: &Config, error: CognitoError) {
    if let Some(cb) = &config.on_error {
        cb(&error);
    }
    view.focus(Region::Alert);
}

/// The code as typed: normalised, kept, and submitted when it reaches `autoSubmitLength`.
pub(crate) fn code_typed(view: &Ui, typed: &str) {
    let value = normalize_code(typed);
    let submit = view.config().is_some_and(|c| {
        c.auto_submit_length
            .is_some_and(|n| n > 0 && value.chars().count() == n)
    });
    if view.set_code(&value) && submit {
        confirm(view);
    }
}

/// Validates `request`, marks `action` as running and sends it, handing the answer to `then`.
/// The request is sent before the busy state is drawn, so the fetch does not wait for the
/// drawing.
fn launch(
    view: &Ui,
    config: &Config,
    action: Action,
    request: Request,
    then: impl FnOnce(&Ui, Result<Answer, CognitoError>) + 'static,
) {
    let ready = match (&config.problem, &config.client) {
        (Some(problem), _) => Err(problem.clone()),
        (None, Some(client)) => request.validate().map(|()| client.clone()),
        (None, None) => Err(CognitoError::validation(
            "client",
            "the form has no client to send with",
        )),
    };
    let client = match ready {
        Ok(client) => client,
        Err(e) => {
            if view.with_form(|f| f.reject(e.clone())).is_some() {
                view.draw();
                report_error(view, config, e);
            }
            return;
        }
    };
    if view.with_form(|f| f.begin(action, now_ms())) != Some(true) {
        return;
    }
    let answer_to = *view;
    send(client, request, Box::new(move |result| then(&answer_to, result)));
    view.draw();
}

/// Confirm: `ConfirmSignUp` with the typed code, or `AdminConfirmSignUp` in admin mode.
pub(crate) fn confirm(view: &Ui) {
    let Some(c) = view.config() else { return };
    let mode = c.mode;
    let username = username(view, &c);
    let request: Request = match mode {
        Mode::User => ConfirmSignUpRequest {
            client_id: c.client_id.clone(),
            user_context_data: c.user_context(&username),
            username: username.clone(),
            confirmation_code: view.code(),
            client_metadata: c.client_metadata.clone(),
            session: c.session.clone(),
            ..Default::default()
        }
        .into(),
        Mode::Admin => AdminConfirmSignUpRequest {
            user_pool_id: c.user_pool_id.clone().unwrap_or_default(),
            username: username.clone(),
            client_metadata: c.client_metadata.clone(),
        }
        .into(),
    };
    launch(view, &c, Action::Confirm, request, move |view, result| {
        finish_confirm(
            view,
            username,
            result.and_then(|answer| {
                let session = match mode {
                    Mode::User => answer.decode::<ConfirmSignUpRequest>()?.session,
                    Mode::Admin => None,
                };
                Ok(Confirmed {
                    session,
                    raw: answer.text,
                })
            }),
        );
    });
}

fn finish_confirm(view: &Ui, username: String, result: Result<Confirmed, CognitoError>) {
    let Some(c) = view.config() else { return };
    let outcome = result.as_ref().map(|_| ()).map_err(Clone::clone);
    let Some(phase) = view.with_form(|f| {
        f.finish_confirm(outcome);
        f.phase()
    }) else {
        return; // unmounted meanwhile
    };
    view.draw();
    let confirmed = match (result, phase) {
        (Ok(confirmed), _) => confirmed,
        // "Already confirmed": the form is confirmed, not in error.
        (Err(_), Phase::Confirmed) => Confirmed {
            session: None,
            raw: "{}".to_owned(),
        },
        (Err(e), _) => return report_error(view, &c, e),
    };
    if let Some(cb) = &c.on_confirmed {
        cb(&confirmed);
    }
    // No Session back (none was given, or the app client lacks ALLOW_USER_AUTH): confirmed, as
    // without the sign-in.
    match confirmed.session {
        Some(session) if c.auto_sign_in => sign_in(view, &c, username, session),
        _ => view.focus(Region::Status),
    }
}

/// The sign-in right after a confirmation: `InitiateAuth` `USER_AUTH` with the `Session` the
/// confirmation returned. The account is confirmed whatever it answers.
fn sign_in(view: &Ui, c: &Config, username: String, session: String) {
    let Some(client) = c.client.clone() else { return };
    let request = InitiateAuthRequest {
        auth_flow: "USER_AUTH".to_owned(),
        auth_parameters: AuthParameters {
            username: username.clone(),
            ..Default::default()
        },
        client_metadata: c.client_metadata.clone(),
        client_id: c.client_id.clone(),
        user_context_data: c.user_context(&username),
        session: Some(session),
        ..Default::default()
    };
    if view.with_form(Form::begin_sign_in).is_none() {
        return;
    }
    view.draw();
    let request = Request::from(request);
    if let Err(e) = request.validate() {
        return finish_sign_in(view, Err(e));
    }
    let answer_to = *view;
    send(
        client,
        request,
        Box::new(move |result| finish_sign_in(&answer_to, result)),
    );
}

fn finish_sign_in(view: &Ui, result: Result<Answer, CognitoError>) {
    let Some(c) = view.config() else { return };
    let result = result.and_then(|answer| {
        let response = answer.decode::<InitiateAuthRequest>()?;
        if response.authentication_result.is_none() && response.challenge_name.is_none() {
            return Err(CognitoError::invalid_response(
                answer.status,
                "InitiateAuth answered with neither tokens nor a challenge",
            ));
        }
        Ok(SignIn {
            response,
            raw: answer.text,
        })
    });
    let outcome = match &result {
        Ok(signed) if signed.response.authentication_result.is_some() => SignInOutcome::SignedIn,
        Ok(_) => SignInOutcome::Challenge,
        Err(_) => SignInOutcome::Failed,
    };
    if view.with_form(|f| f.finish_sign_in(outcome)).is_none() {
        return; // unmounted meanwhile
    }
    view.draw();
    match result {
        Ok(signed) => {
            let callback = match outcome {
                SignInOutcome::SignedIn => &c.on_signed_in,
                _ => &c.on_challenge,
            };
            if let Some(cb) = callback {
                cb(&signed);
            }
        }
        Err(e) => {
            if let Some(cb) = &c.on_error {
                cb(&e);
            }
        }
    }
    view.focus(Region::Status);
}

/// Resend code: `ResendConfirmationCode`.
pub(crate) fn resend(view: &Ui) {
    let Some(c) = view.config() else { return };
    let username = username(view, &c);
    let request = ResendConfirmationCodeRequest {
        client_id: c.client_id.clone(),
        user_context_data: c.user_context(&username),
        username,
        client_metadata: c.client_metadata.clone(),
        ..Default::default()
    };
    launch(view, &c, Action::Resend, request.into(), finish_resend);
}

fn finish_resend(view: &Ui, result: Result<Answer, CognitoError>) {
    let Some(c) = view.config() else { return };
    let result = result.and_then(|answer| {
        Ok(Resent {
            details: answer
                .decode::<ResendConfirmationCodeRequest>()?
                .code_delivery_details
                .unwrap_or_default(),
            raw: answer.text,
        })
    });
    let outcome = result.as_ref().map(|r| r.details.clone()).map_err(Clone::clone);
    let Some(phase) = view.with_form(|f| {
        f.finish_resend(outcome, now_ms());
        f.phase()
    }) else {
        return;
    };
    view.draw();
    match result {
        Ok(resent) => {
            view.start_ticker();
            if let Some(cb) = &c.on_resent {
                cb(&resent);
            }
        }
        // "Already confirmed": the form is confirmed, not in error.
        Err(_) if phase == Phase::Confirmed => view.focus(Region::Status),
        Err(e) => report_error(view, &c, e),
    }
}

/// Fills the code from an incoming SMS through the WebOTP API and submits it, unless `signal`
/// aborts first (the form is gone).
pub(crate) fn web_otp(view: &Ui, signal: web_sys::AbortSignal) {
    let view = *view;
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(otp) = page::web_otp(&signal).await {
            if view.set_code(&normalize_code(&otp)) {
                confirm(&view);
            }
        }
    });
}
