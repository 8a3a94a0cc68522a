//! The part of `rayon` 1.12's API that tantivy 0.27 names
//! ([`ThreadPoolBuilder`], [`ThreadPool`], [`Scope`],
//! [`ThreadPoolBuildError`]), for the browser's engine, which has one thread
//! and searches on it.
//!
//! tantivy keeps a thread pool for multi-threaded search (`Executor`) and for
//! its index writer; the engine uses neither, yet `Executor`'s pool branch
//! linked rayon's scheduler and crossbeam's deques and epochs into the
//! WebAssembly (`docs/engine-size.md`). Here building a pool always fails,
//! with an error saying why, so a [`ThreadPool`] cannot exist: its type has no
//! values and every method on it is statically unreachable, which lets the
//! compiler drop the branches that would use one. Only the WebAssembly build
//! uses this crate, through `[patch.crates-io]` in `x` (build_wasm); the native
//! CLI keeps crates.io's rayon.

use std::any::Any;
use std::convert::Infallible;
use std::fmt;
use std::marker::PhantomData;

/// Why no pool was built: this build has no threads.
#[derive(Debug)]
pub struct ThreadPoolBuildError(());

impl fmt::Display for ThreadPoolBuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("this build of the engine has no threads, so no thread pool can be built")
    }
}

impl std::error::Error for ThreadPoolBuildError {}

/// Takes a pool's settings as rayon's builder does, and builds nothing.
#[derive(Default)]
pub struct ThreadPoolBuilder(());

impl ThreadPoolBuilder {
    pub fn new() -> ThreadPoolBuilder {
        ThreadPoolBuilder(())
    }

    pub fn num_threads(self, _num_threads: usize) -> ThreadPoolBuilder {
        self
    }

    pub fn thread_name<F>(self, _name: F) -> ThreadPoolBuilder
    where
        F: FnMut(usize) -> String + 'static,
    {
        self
    }

    pub fn panic_handler<H>(self, _handler: H) -> ThreadPoolBuilder
    where
        H: Fn(Box<dyn Any + Send>) + Send + Sync + 'static,
    {
        self
    }

    /// Always fails: there are no threads to put in a pool.
    pub fn build(self) -> Result<ThreadPool, ThreadPoolBuildError> {
        Err(ThreadPoolBuildError(()))
    }
}

/// A thread pool, of which there are none: the type has no values.
pub struct ThreadPool {
    none: Infallible,
}

impl ThreadPool {
    pub fn scope<'scope, OP, R>(&self, _op: OP) -> R
    where
        OP: FnOnce(&Scope<'scope>) -> R + Send,
        R: Send,
    {
        match self.none {}
    }

    pub fn spawn<OP>(&self, _op: OP)
    where
        OP: FnOnce() + Send + 'static,
    {
        match self.none {}
    }
}

/// A pool's scope, which no pool can open: the type has no values.
pub struct Scope<'scope> {
    none: Infallible,
    _borrows: PhantomData<&'scope ()>,
}

impl<'scope> Scope<'scope> {
    pub fn spawn<BODY>(&self, _body: BODY)
    where
        BODY: FnOnce(&Scope<'scope>) + Send + 'scope,
    {
        match self.none {}
    }
}
