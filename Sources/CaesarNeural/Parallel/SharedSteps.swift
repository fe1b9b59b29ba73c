import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The steps of one recurrence shared between two threads: each step is cut into `parts`
/// (two halves of the hidden units), and part p of step s may start once every part of step
/// s − 1 has finished, because it reads the whole h_{s−1}.
///
/// Whichever thread is free claims the next part, in order, from one counter. A thread that
/// finds no partner (its core busy, or the pool running the two workers one after the other)
/// simply claims every part itself: the recurrence always finishes, and since each part
/// computes the same values whoever runs it, the result is the same bit for bit.
final class SharedSteps: @unchecked Sendable {
    private let claimed = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    let steps: Int
    let parts: Int

    init(steps: Int, parts: Int) {
        self.steps = steps
        self.parts = parts
    }

    /// Runs `body(step, part)` for every step and part on up to two threads.
    static func run(steps: Int, parts: Int, _ body: (Int, Int) -> Void) {
        let shared = SharedSteps(steps: steps, parts: parts)
        Parallel.forEach(2) { _ in shared.work(body) }
    }

    private func work(_ body: (Int, Int) -> Void) {
        while true {
            let task = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
            guard task < steps * parts else { return }
            let step = task / parts
            // Wait until all parts of the earlier steps are done (their h is complete). Only
            // a partner in the middle of a part can make us wait; yield if it was descheduled.
            var spins = 0
            while finished.load(ordering: .acquiring) < step * parts {
                spins += 1
                if spins > 4096 { sched_yield() }
            }
            body(step, task % parts)
            finished.wrappingAdd(1, ordering: .releasing)
        }
    }
}
