//! What the form does in the browser: confirm (or the admin confirm), resend code and WebOTP.
//! The component (`ui/component.rs`) calls these from its event handlers and effects, which never
//! run on a server; they read and change its state through [`Ui`].

use std::rc::Rc;

use super::page;
use super::transport::{Answer, Client};
use crate::core::form::{normalize_code, Action, Phase};
use crate::core::{
    AdminConfirmSignUpRequest, CognitoError, ConfirmSignUpRequest, Request, ResendConfirmationCodeRequest,
};
use crate::ui::component::Ui;
use crate::ui::flow::{now_ms, Config, Confirmed, Mode, Region, Resent};

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
            username,
            confirmation_code: view.code(),
            client_metadata: c.client_metadata.clone(),
            ..Default::default()
        }
        .into(),
        Mode::Admin => AdminConfirmSignUpRequest {
            user_pool_id: c.user_pool_id.clone().unwrap_or_default(),
            username,
            client_metadata: c.client_metadata.clone(),
        }
        .into(),
    };
    launch(view, &c, Action::Confirm, request, move |view, result| {
        finish_confirm(
            view,
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

fn finish_confirm(view: &Ui, result: Result<Confirmed, CognitoError>) {
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
