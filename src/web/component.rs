//! The Leptos confirmation form: code input, Confirm and Resend code, or the admin confirm. This
//! file draws it and holds its state ([`Ui`]); what it does is in `flow.rs`.

use std::rc::Rc;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;

use super::flow::{self, now_ms, Attr, Config, Disabled, Ids, Mode, Region, Text};
use crate::core::form::{normalize_code, Form};
use crate::core::i18n::{is_rtl, Key};

/// The sign-up confirmation form.
///
/// Renders a root `div.cognito-confirm` whose `data-state` is `idle`, `submitting`,
/// `confirmed` or `error`; a "Confirmation code" input; a Confirm submit button; a "Resend
/// code" button with a cooldown; a `role="status"` region for notices and a `role="alert"`
/// region for errors.
#[component]
pub fn ConfirmSignUp(
    /// The form's configuration.
    config: Config,
) -> impl IntoView {
    let Ids {
        code: code_id,
        username: user_id,
        error: error_id,
    } = Ids::next();

    let mode = config.mode;
    let has_username = config.username.is_some();
    let locale = config.messages.locale().to_owned();
    let dir = if is_rtl(&locale) { "rtl" } else { "ltr" };
    let ui = Ui {
        form: RwSignal::new(Form::new(config.resend_cooldown_seconds)),
        code: RwSignal::new(config.code.as_deref().map(normalize_code).unwrap_or_default()),
        typed_username: RwSignal::new(String::new()),
        clock: Trigger::new(),
        ticker: StoredValue::new_local(None),
        alert: NodeRef::new(),
        status: NodeRef::new(),
        config: StoredValue::new_local(Rc::new(config)),
    };
    on_cleanup(move || {
        if let Some(Some(handle)) = ui.ticker.try_get_value() {
            handle.clear();
        }
    });

    // WebOTP: fill the code from an incoming SMS and submit it; aborted when the form goes.
    if mode == Mode::User && ui.cfg().web_otp {
        if let Ok(controller) = web_sys::AbortController::new() {
            flow::web_otp(&ui, controller.signal());
            on_cleanup(move || controller.abort());
        }
    }

    // One closure type per kind of reactive value (text, attribute, `disabled`): each closure
    // type the view holds compiles its own copy of Leptos's effect code.
    let text = move |which: Text| move || ui.text(which);
    let attr = move |which: Attr| move || ui.attr(which);
    let disabled = move |which: Disabled| move || ui.disabled(which);
    let t = move |key: Key| ui.t(key);

    let heading = t(Key::Heading);
    let intro = t(if mode == Mode::Admin {
        Key::AdminIntro
    } else {
        Key::Intro
    });
    let username_field = (!has_username).then(|| {
        let user_id2 = user_id.clone();
        view! {
            <div class="cognito-confirm__field">
                <label class="cognito-confirm__label" part="label" for=user_id2>{t(Key::UsernameLabel)}</label>
                <input
                    class="cognito-confirm__input"
                    part="input username"
                    id=user_id
                    name="username"
                    type="text"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                    prop:value=ui.typed_username
                    on:input=move |ev| ui.typed_username.set(event_target_value(&ev))
                    prop:disabled=disabled(Disabled::WhenConfirmed)
                />
            </div>
        }
    });
    let code_field = (mode == Mode::User).then(|| {
        let code_id2 = code_id.clone();
        let error_id2 = error_id.clone();
        view! {
            <div class="cognito-confirm__field">
                <label class="cognito-confirm__label" part="label" for=code_id2>{t(Key::CodeLabel)}</label>
                <input
                    class="cognito-confirm__input cognito-confirm__code"
                    part="input code"
                    id=code_id
                    name="code"
                    type="text"
                    autocomplete="one-time-code"
                    inputmode="numeric"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                    maxlength="2048"
                    aria-describedby=error_id2
                    aria-invalid=attr(Attr::Invalid)
                    prop:value=ui.code
                    on:input=move |ev| flow::code_typed(&ui, &event_target_value(&ev))
                    prop:disabled=disabled(Disabled::WhenConfirmed)
                />
            </div>
        }
    });
    let resend_button = (mode == Mode::User).then(|| {
        view! {
            <button
                type="button"
                class="cognito-confirm__button cognito-confirm__resend"
                part="button resend"
                on:click=move |_| flow::resend(&ui)
                prop:disabled=disabled(Disabled::Resend)
                aria-busy=attr(Attr::ResendBusy)
            >
                {text(Text::ResendLabel)}
                <span class="cognito-confirm__countdown" part="countdown" aria-hidden="true">
                    {text(Text::Countdown)}
                </span>
            </button>
        }
    });

    view! {
        <div class="cognito-confirm" part="root" data-state=attr(Attr::State) dir=dir lang=locale.clone()>
            <form class="cognito-confirm__form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                flow::confirm(&ui);
            }>
                <h2 class="cognito-confirm__heading" part="heading">{heading}</h2>
                <p class="cognito-confirm__intro" part="intro">{intro}</p>
                {username_field}
                {code_field}
                <div
                    class="cognito-confirm__error"
                    part="error"
                    id=error_id
                    role="alert"
                    tabindex="-1"
                    node_ref=ui.alert
                >
                    {text(Text::Error)}
                </div>
                <div class="cognito-confirm__status" part="status" role="status" tabindex="-1" node_ref=ui.status>
                    {text(Text::Notice)}
                </div>
                <div class="cognito-confirm__actions" part="actions">
                    <button
                        type="submit"
                        class="cognito-confirm__button cognito-confirm__submit"
                        part="button submit"
                        prop:disabled=disabled(Disabled::WhenConfirmed)
                        aria-busy=attr(Attr::ConfirmBusy)
                    >
                        {text(Text::ConfirmLabel)}
                    </button>
                    {resend_button}
                </div>
            </form>
        </div>
    }
}

/// The form's signals, stored values and configuration, as the actions of `flow.rs` see them.
/// All are arena handles, so this is `Copy`: each event handler and view closure captures this
/// one value. Its methods answer `None` once the form is gone (unmounted while a request ran);
/// the actions then stop.
#[derive(Clone, Copy)]
pub(crate) struct Ui {
    config: StoredValue<Rc<Config>, LocalStorage>,
    form: RwSignal<Form>,
    code: RwSignal<String>,
    typed_username: RwSignal<String>,
    /// Notified four times a second while the resend button rests, to redraw the countdown.
    clock: Trigger,
    ticker: StoredValue<Option<IntervalHandle>, LocalStorage>,
    alert: NodeRef<html::Div>,
    status: NodeRef<html::Div>,
}

impl Ui {
    fn cfg(self) -> Rc<Config> {
        self.config.get_value()
    }

    fn t(self, key: Key) -> String {
        self.cfg().messages.get(key).to_owned()
    }

    /// A text of the view, as it is now (the countdown also redraws with the clock).
    fn text(self, which: Text) -> String {
        if matches!(which, Text::Countdown) {
            self.clock.track();
        }
        flow::text(&self.cfg(), &self.form.read(), which, now_ms())
    }

    /// An attribute of the view, as it is now.
    fn attr(self, which: Attr) -> &'static str {
        flow::attr(&self.form.read(), which)
    }

    /// Whether a control is disabled now.
    fn disabled(self, which: Disabled) -> bool {
        if matches!(which, Disabled::Resend) {
            self.clock.track();
        }
        flow::disabled(&self.form.read(), which, now_ms())
    }

    /// The form's configuration.
    pub(crate) fn config(&self) -> Option<Rc<Config>> {
        self.config.try_get_value()
    }

    /// Runs `f` on the form's state, without drawing; [`Ui::draw`] draws.
    pub(crate) fn with_form<R>(&self, f: impl FnOnce(&mut Form) -> R) -> Option<R> {
        self.form.try_write_untracked().map(|mut form| f(&mut form))
    }

    /// Draws the state as it is now.
    pub(crate) fn draw(&self) {
        self.form.notify();
    }

    /// The code in the code input, normalised.
    pub(crate) fn code(&self) -> String {
        self.code.get_untracked()
    }

    /// Puts `code` in the code input; `false` once the form is gone.
    pub(crate) fn set_code(&self, code: String) -> bool {
        self.code.try_set(code).is_none()
    }

    /// What is typed in the username input, when the form has one.
    pub(crate) fn typed_username(&self) -> String {
        self.typed_username.get_untracked()
    }

    /// Moves focus to `region`, once it is drawn.
    pub(crate) fn focus(&self, region: Region) {
        let target = match region {
            Region::Alert => self.alert,
            Region::Status => self.status,
        };
        request_animation_frame(move || {
            // The form may have been unmounted before the frame (an app that replaces it in
            // onConfirmed): then there is nothing to focus.
            if let Some(Some(el)) = target.try_get_untracked() {
                let _ = el.focus();
            }
        });
    }

    /// Redraws the countdown four times a second until the resend button may be used again. Its
    /// first second is drawn already: the caller draws the state that started the cooldown.
    pub(crate) fn start_ticker(&self) {
        let ui = *self;
        let tick = move || {
            if ui.clock.is_disposed() {
                return;
            }
            ui.clock.notify();
            let done = ui
                .form
                .try_read_untracked()
                .map(|f| f.cooldown_remaining(now_ms()) == 0)
                .unwrap_or(true);
            if done {
                if let Some(Some(handle)) = ui.ticker.try_update_value(Option::take) {
                    handle.clear();
                }
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(250)) {
            if let Some(Some(old)) = ui.ticker.try_update_value(|slot| slot.replace(handle)) {
                old.clear();
            }
        }
    }
}
