//! cognito-confirm's stand-in for wasm-streams (see Cargo.toml): `ReadableStream` with the calls
//! Leptos' `server_fn` makes, and no streaming. A stream made from a Rust stream errors at once,
//! and a JavaScript stream read from Rust yields one error, both saying why.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use wasm_bindgen::prelude::*;

/// Why nothing streams here.
const UNSUPPORTED: &str = "cognito-confirm is built without streams between Rust and JavaScript";

/// Raw bindings, as in wasm-streams.
pub mod sys {
    pub use web_sys::ReadableStream;
}

/// A JavaScript `ReadableStream`.
#[derive(Debug)]
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a JavaScript stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A JavaScript stream that errors as soon as it starts: this build cannot stream a Rust
    /// stream to JavaScript. The Rust stream is dropped unread.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let start = Closure::once_into_js(|controller: web_sys::ReadableStreamDefaultController| {
            controller.error_with_e(&js_sys::Error::new(UNSUPPORTED));
        });
        let source = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&source, &JsValue::from_str("start"), &start);
        // The constructor throws only where the browser has no ReadableStream at all, and no
        // stream could be sent there anyway: the body is then null.
        let raw = web_sys::ReadableStream::new_with_underlying_source(&source)
            .unwrap_or_else(|_| JsValue::NULL.unchecked_into());
        Self { raw }
    }

    /// The JavaScript stream.
    pub fn as_raw(&self) -> &web_sys::ReadableStream {
        &self.raw
    }

    /// The JavaScript stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A Rust stream that yields one error: this build cannot read a JavaScript stream from Rust.
    pub fn into_stream(self) -> IntoStream<'static> {
        IntoStream {
            done: false,
            _stream: std::marker::PhantomData,
        }
    }
}

/// What [`ReadableStream::into_stream`] returns.
#[derive(Debug)]
pub struct IntoStream<'reader> {
    done: bool,
    _stream: std::marker::PhantomData<&'reader ()>,
}

impl Stream for IntoStream<'_> {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        self.done = true;
        Poll::Ready(Some(Err(js_sys::Error::new(UNSUPPORTED).into())))
    }
}
