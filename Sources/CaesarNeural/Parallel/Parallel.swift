import Dispatch

/// Runs independent pieces of work on the machine's cores.
///
/// The pieces share raw memory (parameters read by every worker, disjoint outputs written by
/// each), which Swift's `Sendable` checking cannot see is safe; this is the one place that
/// vouches for it.
enum Parallel {
    private struct UncheckedSendable<T>: @unchecked Sendable { let value: T }

    /// Calls `body(0) … body(count − 1)` concurrently and returns when all have finished.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(value: body)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }
}
