import CaesarTraining

#if canImport(Glibc)
import Glibc
#endif

/// What `caesar train` shows while it runs, on standard error: on a terminal, one line that
/// updates in place (step, loss, validation accuracy, characters/s, ETA) with a line kept at
/// each validation; elsewhere (a log file, CI), one plain line per validation.
final class TrainingProgress {
    private let totalSteps: Int
    private let interactive = isatty(STDERR_FILENO) == 1
    private var lastDraw = ContinuousClock.now
    private var recentLoss: Double?
    private var recentRate: Double?
    private var best: Double?
    private var lastAccuracy: Double?
    /// Wall-clock seconds per step (validation included), for the ETA.
    private var secondsPerStep: Double?
    private var lastStep: (step: Int, at: ContinuousClock.Instant)?

    /// `best`: the best validation accuracy so far (a resumed run's, from its checkpoint).
    init(totalSteps: Int, best: Double? = nil) {
        self.totalSteps = totalSteps
        self.best = best
    }

    func handle(_ event: Trainer.Event) {
        switch event {
        case .step(let step, let loss, let rate):
            recentLoss = recentLoss.map { 0.95 * $0 + 0.05 * loss } ?? loss
            recentRate = recentRate.map { 0.95 * $0 + 0.05 * rate } ?? rate
            let now = ContinuousClock.now
            if let last = lastStep, step > last.step {
                let seconds = (now - last.at).seconds / Double(step - last.step)
                secondsPerStep = secondsPerStep.map { 0.95 * $0 + 0.05 * seconds } ?? seconds
            }
            lastStep = (step, now)
            guard interactive, ContinuousClock.now - lastDraw > .milliseconds(100) || step == totalSteps else { return }
            lastDraw = .now
            write("\r" + bar(step: step) + "\u{1B}[K")
        case .validated(let record, let improved):
            lastAccuracy = record.validationAccuracy
            if improved { best = record.validationAccuracy }
            let line = "step \(record.step)  loss \(format(record.trainLoss, 4))  val \(percent(record.validationAccuracy))"
                + (improved ? " (best, saved)" : "  best \(percent(best ?? 0))")
                + "  \(grouped(Int(record.charactersPerSecond))) chars/s  \(format(record.trainingSeconds, 1)) s"
            write((interactive ? "\r\u{1B}[K" : "") + line + "\n")
        }
    }

    func finish() {
        if interactive { write("\r\u{1B}[K") }
    }

    private func bar(step: Int) -> String {
        let width = 24
        let filled = totalSteps == 0 ? width : min(width, width * step / totalSteps)
        var line = "step \(step)/\(totalSteps) ▕" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "▏"
        if let loss = recentLoss { line += "  loss \(format(loss, 4))" }
        if let accuracy = lastAccuracy { line += "  val \(percent(accuracy))" }
        if let rate = recentRate { line += "  \(grouped(Int(rate))) chars/s" }
        if let seconds = secondsPerStep { line += "  ETA \(duration(seconds * Double(totalSteps - step)))" }
        return line
    }

    private func write(_ text: String) {
        var copy = text
        copy.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

func percent(_ x: Double) -> String { format(x * 100, 2) + "%" }

/// 0.27 → "0.3s", 83 → "1m23s", 7384 → "2h03m".
func duration(_ seconds: Double) -> String {
    if seconds < 10 { return format(seconds, 1) + "s" }
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" + (s % 60 < 10 ? "0" : "") + "\(s % 60)s" }
    return "\(s / 3600)h" + ((s % 3600) / 60 < 10 ? "0" : "") + "\((s % 3600) / 60)m"
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// `x` with exactly `digits` decimals.
func format(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return String(x) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (abs(x) * scale).rounded()
    let whole = Int(rounded / scale), fraction = Int(rounded) - whole * Int(scale)
    let sign = x < 0 && rounded > 0 ? "-" : ""
    guard digits > 0 else { return sign + String(whole) }
    let fractionText = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
}

