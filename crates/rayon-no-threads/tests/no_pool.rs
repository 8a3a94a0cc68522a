//! Every way tantivy 0.27 builds a pool fails, with the reason in the error
//! tantivy passes on (`TantivyError::SystemError(error.to_string())`).

use rayon::ThreadPoolBuilder;

#[test]
fn building_a_pool_fails_and_says_why() {
    let builders = [
        // Executor::multi_thread
        ThreadPoolBuilder::new()
            .num_threads(4)
            .thread_name(|i| format!("search{i}")),
        // the index writer's segment updater and merge threads
        ThreadPoolBuilder::new()
            .thread_name(|_| "segment_updater".to_string())
            .num_threads(1),
        ThreadPoolBuilder::new()
            .num_threads(2)
            .panic_handler(|_| {}),
    ];
    for builder in builders {
        let error = builder.build().err().expect("no pool is ever built");
        assert!(error.to_string().contains("no threads"), "{error}");
    }
}
