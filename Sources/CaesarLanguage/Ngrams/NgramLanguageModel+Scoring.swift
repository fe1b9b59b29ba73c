import CaesarText
import Foundation

extension NgramLanguageModel: CharacterLanguageModel {
    public var summary: String { "\(order)-gram Kneser–Ney" }
    public var language: String { metadata["language"] ?? "" }

    public func tokenLogProbabilities(of sequence: [UInt8]) -> [Double] {
        var result = [Double](repeating: 0, count: sequence.count)
        let start = UInt8(Token.start.index)
        sequence.withUnsafeBufferPointer { s in
            var sentence = 0  // where the history begins: the last [start], or the sequence's start
            for i in 1..<max(s.count, 1) {
                let token = s[i]
                precondition(token < 30, "token \(token) is not one a language model predicts")
                if token == start {
                    sentence = i
                    continue
                }
                result[i] = Double(logProbability(of: token, history: UnsafeBufferPointer(rebasing: s[sentence..<i])))
            }
        }
        return result
    }

    public func logLikelihoods(of sequences: [[UInt8]]) -> [Double] {
        let start = UInt8(Token.start.index)
        return sequences.map { sequence in
            sequence.withUnsafeBufferPointer { s in
                var total: Float = 0
                var sentence = 0
                for i in 1..<max(s.count, 1) {
                    if s[i] == start {
                        sentence = i
                        continue
                    }
                    total += logProbability(of: s[i], history: UnsafeBufferPointer(rebasing: s[sentence..<i]))
                }
                return Double(total)
            }
        }
    }

    public func nextTokenProbabilities(after history: [UInt8]) -> [Double] {
        let sentence = history.lastIndex(of: UInt8(Token.start.index)) ?? 0
        return history[sentence...].withUnsafeBufferPointer { h in
            (0..<UInt8(Token.count)).map { t in
                KneserNey.predicted.contains(t) ? Double(logProbability(of: t, history: h)).exponential : 0
            }
        }
    }
}

extension Double {
    var exponential: Double { Foundation.exp(self) }
}
