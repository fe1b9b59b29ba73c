import CaesarIO
import CaesarTraining

#if canImport(Glibc)
import Glibc
#endif

/// What `caesar train` shows while it runs, on standard error: on a terminal, one line that
/// updates in place (step, percent, bar, loss, validation accuracy, characters/s, elapsed,
/// ETA), cut to the terminal's width as it is now (a line wider than the terminal would wrap,
/// and every redraw would leave a line behind), with a line kept at each validation;
/// elsewhere (a log file, CI), one plain line per validation; with `quiet`, nothing.
final class TrainingProgress {
    private let totalSteps: Int
    private let interactive: Bool
    private let quiet: Bool
    private let started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var recentLoss: Double?
    private var recentRate: Double?
    private var best: Double?
    private var lastAccuracy: Double?
    /// Wall-clock seconds per step (validation included), for the ETA.
    private var secondsPerStep: Double?
    private var lastStep: (step: Int, at: ContinuousClock.Instant)?

    /// `best`: the best validation accuracy so far (a resumed run's, from its checkpoint).
    init(totalSteps: Int, best: Double? = nil, quiet: Bool = false) {
        self.totalSteps = totalSteps
        self.best = best
        self.quiet = quiet
        interactive = !quiet && isatty(STDERR_FILENO) == 1
    }

    func handle(_ event: Trainer.Event) {
        guard !quiet else { return }
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
            write("\r" + Self.fitted(fields(step: step), width: Self.terminalWidth() - 1) + "\u{1B}[K")
        case .validated(let record, let improved):
            lastAccuracy = record.validationAccuracy
            if improved { best = record.validationAccuracy }
            // A language model is judged by bits per character; its accuracy is the next token's.
            let bits = record.validationBitsPerCharacter.map { "\(format($0, 3)) bits/char, " } ?? ""
            let line = "step \(record.step)  loss \(format(record.trainLoss, 4))  val \(bits)\(percent(record.validationAccuracy))"
                + (improved ? " (best, saved)" : "  best \(percent(best ?? 0))")
                + "  \(grouped(Int(record.charactersPerSecond))) chars/s  \(format(record.trainingSeconds, 1)) s"
            write((interactive ? "\r\u{1B}[K" : "") + line + "\n")
        }
    }

    func finish() {
        if interactive { write("\r\u{1B}[K") }
    }

    /// The parts of the progress line, each with its priority (0 is kept first).
    private func fields(step: Int) -> [(text: String, priority: Int)] {
        let fraction = totalSteps == 0 ? 1 : Double(step) / Double(totalSteps)
        let width = 20, filled = min(width, Int(Double(width) * fraction))
        var parts: [(String, Int)] = [
            ("step \(step)/\(totalSteps)", 0), (format(fraction * 100, 0) + "%", 1),
            ("▕" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "▏", 6),
        ]
        if let loss = recentLoss { parts.append(("loss \(format(loss, 4))", 3)) }
        if let accuracy = lastAccuracy { parts.append(("val \(percent(accuracy))", 4)) }
        if let rate = recentRate { parts.append(("\(grouped(Int(rate))) chars/s", 7)) }
        parts.append((duration((ContinuousClock.now - started).seconds) + " elapsed", 5))
        if let seconds = secondsPerStep { parts.append(("ETA " + duration(seconds * Double(totalSteps - step)), 2)) }
        return parts
    }

    /// The fields that fit in `width` columns, most important first, shown in their order.
    static func fitted(_ fields: [(text: String, priority: Int)], width: Int) -> String {
        // The most important field always shows, cut if the terminal is narrower than it.
        if let first = fields.min(by: { $0.priority < $1.priority }), first.text.count > width {
            return String(first.text.prefix(max(0, width)))
        }
        var kept = Set<Int>(), used = 0
        for k in fields.indices.sorted(by: { fields[$0].priority < fields[$1].priority }) {
            let cost = fields[k].text.count + (kept.isEmpty ? 0 : 2)
            guard used + cost <= width else { continue }
            kept.insert(k)
            used += cost
        }
        return fields.indices.filter(kept.contains).map { fields[$0].text }.joined(separator: "  ")
    }

    /// Columns of the terminal on standard error, asked at every redraw so that a resized
    /// window is followed; 80 when it cannot be asked.
    static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private func write(_ text: String) {
        var copy = text
        copy.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
