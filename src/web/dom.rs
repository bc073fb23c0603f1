//! The form drawn with web-sys: the same elements, attributes and behaviour as the Leptos
//! component (`component.rs`), without a UI framework in the wasm. `mount()` and the custom
//! element draw with it in builds without the `leptos` feature, the npm package's among them:
//! the form is then about 19 KB gzip smaller (README, "Size and speed"). What the form does is in
//! `flow.rs`, shared by both; this file creates the elements, listens to them, and sets every
//! changing text and attribute again after each change of state.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

use super::flow::{self, now_ms, Attr, Config, Disabled, Ids, Mode, Region, Text, View};
use crate::core::form::{normalize_code, Form};
use crate::core::i18n::{is_rtl, Key};

/// The elements whose texts or attributes change.
struct Nodes {
    root: HtmlElement,
    username: Option<HtmlInputElement>,
    code: Option<HtmlInputElement>,
    error: HtmlElement,
    status: HtmlElement,
    submit: HtmlElement,
    /// The resend button, its label and its countdown.
    resend: Option<(HtmlElement, web_sys::Text, HtmlElement)>,
}

/// An event listener on one of the form's elements: the element, the event and the callback.
type Listener = (Element, &'static str, Closure<dyn Fn(Event)>);

/// A drawn form. Dropping it takes it off the page: its listeners, its countdown timer and a
/// pending WebOTP request go with it.
struct Drawn {
    config: Rc<Config>,
    form: RefCell<Form>,
    nodes: Nodes,
    /// The countdown's `setInterval`, and the closure it calls.
    ticker: Cell<Option<i32>>,
    tick: RefCell<Option<Closure<dyn FnMut()>>>,
    listeners: RefCell<Vec<Listener>>,
    web_otp: Option<web_sys::AbortController>,
}

impl Drop for Drawn {
    fn drop(&mut self) {
        self.stop_ticker();
        if let Some(controller) = &self.web_otp {
            controller.abort();
        }
        for (el, name, callback) in self.listeners.take() {
            let _ = el.remove_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        }
        self.nodes.root.remove();
    }
}

impl Drawn {
    fn stop_ticker(&self) {
        if let (Some(id), Some(window)) = (self.ticker.take(), web_sys::window()) {
            window.clear_interval_with_handle(id);
        }
    }

    /// Sets every text and attribute that depends on the state.
    fn redraw(&self) {
        let form = self.form.borrow();
        let (n, now) = (&self.nodes, now_ms());
        let text = |which| flow::text(&self.config, &form, which, now);
        let _ = n.root.set_attribute("data-state", flow::attr(&form, Attr::State));
        set_text(&n.error, &text(Text::Error));
        set_text(&n.status, &text(Text::Notice));
        let confirmed = flow::disabled(&form, Disabled::WhenConfirmed, now);
        for input in [&n.username, &n.code].into_iter().flatten() {
            input.set_disabled(confirmed);
        }
        if let Some(input) = &n.code {
            let _ = input.set_attribute("aria-invalid", flow::attr(&form, Attr::Invalid));
        }
        set_disabled(&n.submit, confirmed);
        let _ = n
            .submit
            .set_attribute("aria-busy", flow::attr(&form, Attr::ConfirmBusy));
        set_text(&n.submit, &text(Text::ConfirmLabel));
        if let Some((button, label, countdown)) = &n.resend {
            set_disabled(button, flow::disabled(&form, Disabled::Resend, now));
            let _ = button.set_attribute("aria-busy", flow::attr(&form, Attr::ResendBusy));
            label.set_data(&text(Text::ResendLabel));
            set_text(countdown, &text(Text::Countdown));
        }
    }
}

/// Sets `el`'s text only when it changed: a live region announces every change.
fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// The `disabled` property of a button.
fn set_disabled(el: &HtmlElement, disabled: bool) {
    let _ = js_sys::Reflect::set(el, &"disabled".into(), &disabled.into());
}

/// The document `node` belongs to (every element has one).
fn document(node: &Element) -> web_sys::Document {
    node.owner_document()
        .unwrap_or_else(|| wasm_bindgen::throw_str("the form's target has no document"))
}

/// `<tag name="value" …>`, appended to `parent`.
fn element(parent: &Element, tag: &str, attributes: &[(&str, &str)]) -> HtmlElement {
    let el: HtmlElement = match document(parent).create_element(tag) {
        Ok(el) => el.unchecked_into(),
        Err(_) => wasm_bindgen::throw_str("createElement failed"),
    };
    for (name, value) in attributes {
        let _ = el.set_attribute(name, value);
    }
    let _ = parent.append_child(&el);
    el
}

/// A drawn form as [`View`] sees it: gone once the form is dropped.
#[derive(Clone)]
struct Handle(Weak<Drawn>);

impl Handle {
    fn with<R>(&self, f: impl FnOnce(&Drawn) -> R) -> Option<R> {
        self.0.upgrade().map(|drawn| f(&drawn))
    }

    /// Calls `f` with each `name` event on `target` while the form is drawn.
    fn listen(&self, drawn: &Drawn, target: &Element, name: &'static str, f: fn(&Handle, Event)) {
        let handle = self.clone();
        let callback = Closure::<dyn Fn(Event)>::new(move |ev| f(&handle, ev));
        if target
            .add_event_listener_with_callback(name, callback.as_ref().unchecked_ref())
            .is_ok()
        {
            drawn
                .listeners
                .borrow_mut()
                .push((target.clone(), name, callback));
        }
    }
}

impl View for Handle {
    fn config(&self) -> Option<Rc<Config>> {
        self.with(|d| d.config.clone())
    }

    fn with_form<R>(&self, f: impl FnOnce(&mut Form) -> R) -> Option<R> {
        self.with(|d| f(&mut d.form.borrow_mut()))
    }

    fn draw(&self) {
        self.with(Drawn::redraw);
    }

    fn code(&self) -> String {
        self.with(|d| d.nodes.code.as_ref().map(|i| normalize_code(&i.value())))
            .flatten()
            .unwrap_or_default()
    }

    fn set_code(&self, code: String) -> bool {
        self.with(|d| {
            if let Some(input) = &d.nodes.code {
                if input.value() != code {
                    input.set_value(&code);
                }
            }
        })
        .is_some()
    }

    fn typed_username(&self) -> String {
        self.with(|d| d.nodes.username.as_ref().map(HtmlInputElement::value))
            .flatten()
            .unwrap_or_default()
    }

    fn focus(&self, region: Region) {
        let Some(target) = self.with(|d| match region {
            Region::Alert => d.nodes.error.clone(),
            Region::Status => d.nodes.status.clone(),
        }) else {
            return;
        };
        // Once the message is drawn; a form taken off the page meanwhile is left alone.
        let focus = Closure::once_into_js(move || {
            if target.is_connected() {
                let _ = target.focus();
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(focus.unchecked_ref());
        }
    }

    /// Redraws the countdown four times a second until the resend button may be used again.
    fn start_ticker(&self) {
        let Some(window) = web_sys::window() else { return };
        let handle = self.clone();
        let tick = Closure::<dyn FnMut()>::new(move || {
            handle.with(|d| {
                d.redraw();
                if d.form.borrow().cooldown_remaining(now_ms()) == 0 {
                    d.stop_ticker();
                }
            });
        });
        self.with(|d| {
            d.stop_ticker();
            if let Ok(id) = window
                .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 250)
            {
                d.ticker.set(Some(id));
            }
            // The closure lives as long as the form; a new countdown replaces the old one.
            *d.tick.borrow_mut() = Some(tick);
        });
    }
}

/// A form drawn by [`draw`]. Dropping it takes the form off the page.
#[derive(Debug)]
#[must_use = "the form is taken off the page when this is dropped"]
pub struct DrawnForm {
    _drawn: Rc<Drawn>,
}

impl std::fmt::Debug for Drawn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Drawn")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Draws the form at the end of `target`, with web-sys: the Leptos component's elements and
/// behaviour, for a page or a Rust app without Leptos. It stays until the returned value is
/// dropped.
pub fn draw(target: &HtmlElement, config: Config) -> DrawnForm {
    let ids = Ids::next();
    let mode = config.mode;
    let locale = config.messages.locale();
    let dir = if is_rtl(locale) { "rtl" } else { "ltr" };
    let t = |key: Key| config.messages.get(key);

    let root = element(
        target,
        "div",
        &[
            ("class", "cognito-confirm"),
            ("part", "root"),
            ("dir", dir),
            ("lang", locale),
        ],
    );
    let form = element(
        &root,
        "form",
        &[("class", "cognito-confirm__form"), ("novalidate", "")],
    );
    element(
        &form,
        "h2",
        &[("class", "cognito-confirm__heading"), ("part", "heading")],
    )
    .set_text_content(Some(t(Key::Heading)));
    element(
        &form,
        "p",
        &[("class", "cognito-confirm__intro"), ("part", "intro")],
    )
    .set_text_content(Some(t(if mode == Mode::Admin {
        Key::AdminIntro
    } else {
        Key::Intro
    })));
    let field = |label: Key, id: &str, attributes: &[(&str, &str)]| {
        let div = element(&form, "div", &[("class", "cognito-confirm__field")]);
        element(
            &div,
            "label",
            &[
                ("class", "cognito-confirm__label"),
                ("part", "label"),
                ("for", id),
            ],
        )
        .set_text_content(Some(t(label)));
        let input: HtmlInputElement = element(&div, "input", attributes).unchecked_into();
        let _ = input.set_attribute("id", id);
        input
    };
    let username = config.username.is_none().then(|| {
        field(
            Key::UsernameLabel,
            &ids.username,
            &[
                ("class", "cognito-confirm__input"),
                ("part", "input username"),
                ("name", "username"),
                ("type", "text"),
                ("autocomplete", "username"),
                ("autocapitalize", "none"),
                ("spellcheck", "false"),
                ("required", ""),
            ],
        )
    });
    let code = (mode == Mode::User).then(|| {
        field(
            Key::CodeLabel,
            &ids.code,
            &[
                ("class", "cognito-confirm__input cognito-confirm__code"),
                ("part", "input code"),
                ("name", "code"),
                ("type", "text"),
                ("autocomplete", "one-time-code"),
                ("inputmode", "numeric"),
                ("autocapitalize", "none"),
                ("spellcheck", "false"),
                ("required", ""),
                ("maxlength", "2048"),
                ("aria-describedby", &ids.error),
            ],
        )
    });
    let error = element(
        &form,
        "div",
        &[
            ("class", "cognito-confirm__error"),
            ("part", "error"),
            ("id", &ids.error),
            ("role", "alert"),
            ("tabindex", "-1"),
        ],
    );
    let status = element(
        &form,
        "div",
        &[
            ("class", "cognito-confirm__status"),
            ("part", "status"),
            ("role", "status"),
            ("tabindex", "-1"),
        ],
    );
    let actions = element(
        &form,
        "div",
        &[("class", "cognito-confirm__actions"), ("part", "actions")],
    );
    let submit = element(
        &actions,
        "button",
        &[
            ("type", "submit"),
            ("class", "cognito-confirm__button cognito-confirm__submit"),
            ("part", "button submit"),
        ],
    );
    let resend = (mode == Mode::User).then(|| {
        let button = element(
            &actions,
            "button",
            &[
                ("type", "button"),
                ("class", "cognito-confirm__button cognito-confirm__resend"),
                ("part", "button resend"),
            ],
        );
        let label = document(&button).create_text_node("");
        let _ = button.append_child(&label);
        let countdown = element(
            &button,
            "span",
            &[
                ("class", "cognito-confirm__countdown"),
                ("part", "countdown"),
                ("aria-hidden", "true"),
            ],
        );
        (button, label, countdown)
    });
    if let (Some(input), Some(typed)) = (&code, &config.code) {
        input.set_value(&normalize_code(typed));
    }
    let web_otp = (mode == Mode::User && config.web_otp)
        .then(|| web_sys::AbortController::new().ok())
        .flatten();
    let drawn = Rc::new(Drawn {
        form: RefCell::new(Form::new(config.resend_cooldown_seconds)),
        config: Rc::new(config),
        nodes: Nodes {
            root,
            username,
            code,
            error,
            status,
            submit,
            resend,
        },
        ticker: Cell::new(None),
        tick: RefCell::new(None),
        listeners: RefCell::new(Vec::new()),
        web_otp,
    });
    let handle = Handle(Rc::downgrade(&drawn));
    handle.listen(&drawn, &form, "submit", |handle, ev| {
        ev.prevent_default();
        flow::confirm(handle);
    });
    if let Some(input) = &drawn.nodes.code {
        handle.listen(&drawn, input, "input", |handle, ev| {
            let typed = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            flow::code_typed(handle, &typed);
        });
    }
    if let Some((button, _, _)) = &drawn.nodes.resend {
        handle.listen(&drawn, button, "click", |handle, _| flow::resend(handle));
    }
    if let Some(controller) = &drawn.web_otp {
        flow::web_otp(&handle, controller.signal());
    }
    drawn.redraw();
    DrawnForm { _drawn: drawn }
}
