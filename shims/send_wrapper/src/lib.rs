//! cognito-confirm's stand-in for send_wrapper 0.6 (see Cargo.toml): [`SendWrapper`] lets a
//! value that is not `Send` cross a `Send` bound, and is only usable on the thread that made it.
//!
//! Where other threads can exist (any target but WebAssembly built without the `atomics`
//! feature), the wrapper records the thread that made it and panics when used from another, as
//! send_wrapper does. In single-threaded WebAssembly no other thread exists, so it records
//! nothing and checks nothing.

use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

/// A value usable only on the thread that wrapped it, but `Send` and `Sync` itself.
pub struct SendWrapper<T> {
    data: ManuallyDrop<T>,
    #[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
    thread: std::thread::ThreadId,
}

// SAFETY: the data is only reached through `deref`, `deref_mut`, `take`, `drop` and `poll`,
// which all check that they run on the wrapping thread first; in single-threaded WebAssembly
// there is no other thread.
unsafe impl<T> Send for SendWrapper<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> SendWrapper<T> {
    /// Wraps `data` on this thread.
    pub fn new(data: T) -> Self {
        Self {
            data: ManuallyDrop::new(data),
            #[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
            thread: std::thread::current().id(),
        }
    }

    /// Whether this is the thread that wrapped the value.
    pub fn valid(&self) -> bool {
        #[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
        return self.thread == std::thread::current().id();
        #[cfg(not(any(not(target_arch = "wasm32"), target_feature = "atomics")))]
        return true;
    }

    /// The value, unwrapped. Panics on another thread.
    #[track_caller]
    pub fn take(self) -> T {
        self.check("took");
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so the data is moved out exactly once.
        unsafe { ManuallyDrop::take(&mut this.data) }
    }

    #[track_caller]
    fn check(&self, what: &str) {
        if !self.valid() {
            wrong_thread(what);
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn wrong_thread(what: &str) -> ! {
    panic!("{what} a SendWrapper value on a thread other than the one that wrapped it")
}

impl<T> Deref for SendWrapper<T> {
    type Target = T;
    #[track_caller]
    fn deref(&self) -> &T {
        self.check("dereferenced");
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    #[track_caller]
    fn deref_mut(&mut self) -> &mut T {
        self.check("dereferenced");
        &mut self.data
    }
}

impl<T> Drop for SendWrapper<T> {
    #[track_caller]
    fn drop(&mut self) {
        if !std::mem::needs_drop::<T>() || self.valid() {
            // SAFETY: dropped once, here, and never reached again.
            unsafe { ManuallyDrop::drop(&mut self.data) }
        } else if !std::thread::panicking() {
            wrong_thread("dropped");
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper").field("data", &**self).finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    #[track_caller]
    fn clone(&self) -> Self {
        Self::new((**self).clone())
    }
}

#[cfg(feature = "futures")]
mod futures {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use futures_core::Stream;

    use super::SendWrapper;

    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;
        #[track_caller]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            self.check("polled");
            // SAFETY: the data is pinned with the wrapper and never moved out of a pinned one
            // (`take` needs the wrapper by value, so unpinned).
            unsafe { self.map_unchecked_mut(|w| &mut *w.data) }.poll(cx)
        }
    }

    impl<S: Stream> Stream for SendWrapper<S> {
        type Item = S::Item;
        #[track_caller]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            self.check("polled");
            // SAFETY: as for `poll`.
            unsafe { self.map_unchecked_mut(|w| &mut *w.data) }.poll_next(cx)
        }

        fn size_hint(&self) -> (usize, Option<usize>) {
            (**self).size_hint()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;
    use std::thread;

    use super::SendWrapper;

    #[test]
    fn usable_on_the_wrapping_thread() {
        let wrapped = SendWrapper::new(Rc::new(42));
        assert!(wrapped.valid());
        assert_eq!(**wrapped, 42);
        let copy = wrapped.clone();
        assert_eq!(*copy.take(), 42);
        assert_eq!(Rc::strong_count(&wrapped), 1);
    }

    #[test]
    fn refused_on_another_thread() {
        let wrapped = SendWrapper::new(Rc::new(42));
        let (wrapped, invalid_there) = thread::spawn(move || {
            let valid = wrapped.valid();
            (wrapped, !valid)
        })
        .join()
        .unwrap();
        assert!(invalid_there);
        assert!(
            thread::spawn(move || **wrapped).join().is_err(),
            "deref must panic"
        );
        let wrapped = SendWrapper::new(Rc::new(1));
        assert!(
            thread::spawn(move || drop(wrapped)).join().is_err(),
            "drop must panic"
        );
        let plain = SendWrapper::new(7_u8);
        assert!(
            thread::spawn(move || drop(plain)).join().is_ok(),
            "nothing to drop"
        );
    }
}
