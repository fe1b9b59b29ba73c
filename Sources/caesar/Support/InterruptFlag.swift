import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C as a request rather than a kill: long commands check it between steps, save their
/// work and stop. A second Ctrl-C stops the process at once, as usual.
enum InterruptFlag {
    private static let raised = Atomic<Bool>(false)

    static var isRaised: Bool { raised.load(ordering: .relaxed) }

    static func install() {
        signal(SIGINT) { _ in
            InterruptFlag.raised.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
    }
}
