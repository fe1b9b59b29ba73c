import Testing

@testable import CaesarCipher

@Suite struct KeyRecoveryEvaluationTests {
    static let documents = [
        Array("It was the best of times, it was the worst of times, it was the age of wisdom.".utf8),
        Array("Call me Ishmael. Some years ago, never mind how long precisely, I went to sea.".utf8),
    ]

    @Test func trialsAreSpansWithExactlyNLettersAndTheirCiphertexts() throws {
        let evaluation = try KeyRecoveryEvaluation(documents: Self.documents, lengths: [5, 12], trialsPerLength: 50, seed: 1)
        #expect(evaluation.trials.count == 100)
        #expect(evaluation.corpusLetters == 58 + 60)
        for trial in evaluation.trials {
            #expect(Letters.indices(in: trial.plaintext).count == trial.letters)
            #expect(Letters.index(of: trial.plaintext.first!) != nil && Letters.index(of: trial.plaintext.last!) != nil)
            #expect(trial.ciphertext == CaesarShift(key: trial.key).apply(to: trial.plaintext))
            #expect((0..<26).contains(trial.key))
            // A span lies inside one document.
            #expect(Self.documents.contains { String(decoding: $0, as: UTF8.self).contains(String(decoding: trial.plaintext, as: UTF8.self)) })
        }
        #expect(evaluation.trials.prefix(50).allSatisfy { $0.letters == 5 })
    }

    @Test func theSameSeedGivesTheSameTrials() throws {
        let a = try KeyRecoveryEvaluation(documents: Self.documents, lengths: [5], trialsPerLength: 20, seed: 7)
        let b = try KeyRecoveryEvaluation(documents: Self.documents, lengths: [5], trialsPerLength: 20, seed: 7)
        let c = try KeyRecoveryEvaluation(documents: Self.documents, lengths: [5], trialsPerLength: 20, seed: 8)
        #expect(a.trials == b.trials)
        #expect(a.trials != c.trials)
    }

    /// Exact counts on a small fixed sample: these change only if sampling or scoring changes.
    @Test func aSmallSampleHasExactCounts() throws {
        let evaluation = try KeyRecoveryEvaluation(documents: Self.documents, lengths: [5, 10, 20], trialsPerLength: 40, seed: 0)
        let english = try NgramStatistics.english()
        let table = ScoringMethod.allCases.map { (method: $0, rows: evaluation.measure(Cracker(method: $0, statistics: english))) }
        let correct = table.map { $0.rows.map(\.correct) }
        #expect(correct == [[38, 40, 40], [32, 40, 40], [22, 34, 40], [22, 31, 40]])
        #expect(table.allSatisfy { $0.rows.map(\.trials) == [40, 40, 40] })
        #expect(table[0].rows[0].method == "quadgram" && table[0].rows[2].letters == 20)
    }

    @Test func anyMethodCanBeMeasuredOnTheSameTrials() throws {
        let evaluation = try KeyRecoveryEvaluation(documents: Self.documents, lengths: [5, 10], trialsPerLength: 10, seed: 0)
        let oracle = evaluation.measure("oracle") { ($0.key, 1) }
        #expect(oracle.map(\.correct) == [10, 10])
        #expect(oracle.map(\.rate) == [1, 1])
        let alwaysZero = evaluation.measure("zero") { _ in (0, 0.5) }
        #expect(alwaysZero.map(\.correct) == [evaluation.trials.prefix(10).filter { $0.key == 0 }.count, evaluation.trials.suffix(10).filter { $0.key == 0 }.count])
        #expect(alwaysZero.map(\.meanConfidence) == [0.5, 0.5])
    }

    /// Messages as people write them: spans that begin at a word, keys that encrypt.
    @Test func spansCanBeginAtWordsWithKeysOneToTwentyFive() throws {
        let text = "It's 3rd-rate. “Well-known” o'clock e\u{301}te\u{301} wo\u{308}rds."
        let evaluation = try KeyRecoveryEvaluation(documents: [Array(text.utf8)], lengths: [2, 4], trialsPerLength: 200, seed: 3, starts: .word, keys: 1...25)
        for trial in evaluation.trials {
            #expect((1...25).contains(trial.key))
            let first = String(decoding: trial.plaintext.prefix(1), as: UTF8.self)
            #expect(["I", "W", "o", "e", "w"].contains(first), "\(String(decoding: trial.plaintext, as: UTF8.self)) begins inside a word")
        }
        // Word starts: I(t), W(ell), o('clock), e(te), w(ords); not s, rd, known, clock, te, rds.
        #expect(Set(evaluation.trials.map { $0.plaintext.first! }) == Set("IWoew".utf8))
    }

    /// The calibration measures on a hand-made set of answers.
    @Test func calibrationErrorAndSureAnswersAreCountedExactly() throws {
        let evaluation = try KeyRecoveryEvaluation(documents: Self.documents, lengths: [5], trialsPerLength: 10, seed: 0)
        var n = 0
        let rows = evaluation.measure("hand-made", answer: { trial -> (key: Int, confidence: Double)? in
            n += 1
            switch n {
            case 1...4: return (trial.key, 0.995)  // right, sure
            case 5: return ((trial.key + 1) % 26, 0.999)  // wrong, sure
            case 6...8: return (trial.key, 0.55)  // right, unsure
            case 9: return ((trial.key + 1) % 26, 0.55)
            default: return nil  // refused
            }
        })
        let row = rows[0]
        #expect(row.trials == 10 && row.correct == 7 && row.refused == 1)
        #expect(row.sureAnswers.count == 5 && row.sureAnswers.accuracy == 0.8)
        // Bin 0.9–1: confidence 0.9958, accuracy 0.8; bin 0.5–0.6: 0.55 against 0.75; of 9 answers.
        let expected = 5.0 / 9 * abs((4 * 0.995 + 0.999) / 5 - 0.8) + 4.0 / 9 * abs(0.55 - 0.75)
        #expect(abs(row.calibrationError - expected) < 1e-12)
        #expect(row.reliability.map(\.count) == [0, 0, 0, 0, 0, 4, 0, 0, 0, 5])
    }

    @Test func aCorpusShorterThanASpanIsAnError() {
        #expect(throws: CipherError.corpusTooShort(letters: 3, needed: 5)) {
            try KeyRecoveryEvaluation(documents: [Array("a b c".utf8)], lengths: [5], trialsPerLength: 1, seed: 0)
        }
    }
}
