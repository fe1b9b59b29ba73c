import CaesarDecryption
import CaesarIO
import CaesarTraining

/// What `caesar calibrate` prints: the temperature, where it went, and the calibration error
/// per length before and after.
extension MethodCalibration.Fit {
    func text(writtenTo path: String?) -> String {
        let lengths = rows.map(\.letters)
        var lines = [
            "calibrated \(method) on \(grouped(messages)) messages of \(lengths.min()!)–\(lengths.max()!) letters",
            "temperatures by length \(temperature)",
            path.map { "recorded in \($0) (it had \(recorded))" } ?? "not written (--dry-run)",
            "",
            "letters  keys right  temperature  ECE before  ECE after",
        ]
        lines += rows.map { row in
            [pad(String(row.letters), 7), pad(percent(row.accuracy), 12), pad(format(row.temperature, 4), 13),
             pad(format(row.calibrationErrorBefore, 4), 12), pad(format(row.calibrationErrorAfter, 4), 11)].joined()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
