import CaesarCipher
import CaesarRandom
import CaesarText
import Foundation
import Testing

@testable import CaesarLanguage

@Suite struct CiphertextTokensTests {
    let pipeline = try! TextPipeline(options: .init(sentences: SentenceTokens.splitting))

    /// Tokens of the sentences, no final [end]; accents stay, letters rotate back.
    @Test func aCiphertextDecryptsByItsMovedLettersOnly() throws {
        let c = try CiphertextTokens("Où hvw oh fkdw? Lfl.", pipeline: pipeline)
        let s = UInt8(Token.start.index), e = UInt8(Token.end.index), sep = UInt8(27)
        // o ù(u) [sep] h v w [sep] o h [sep] f k d w [end] [start] l f l .
        let expected: [UInt8] = [s, 11, 20, sep, 4, 18, 19, sep, 11, 4, sep, 2, 7, 0, 19, e, s, 8, 2, 8, 26]
        #expect(c.plaintext(key: 3) == expected)
        #expect(c.letters == 13 && c.beginsWithCapital)
        #expect(c.plaintext(key: 0) == c.tokens)
        let prefix = try CiphertextTokens("Où hvw oh fkdw? Lfl.", pipeline: pipeline, prefixLetters: 4)
        let cut: [UInt8] = [s, 14, 20, sep, 7, 21, 22]  // cut after the fourth moved letter
        #expect(prefix.tokens == cut)
        #expect(prefix.letters == 4)
    }

    @Test func aMessageCanBeReadAfterTheWordStartContext() throws {
        let c = try CiphertextTokens("wkh vhd", pipeline: pipeline).startingWith(LanguageModelContext.wordStart)
        #expect(c.tokens.first == LanguageModelContext.wordStart && !c.beginsWithCapital)
    }
}

@Suite struct LanguageModelCrackerTests {
    let cracker = try! LanguageModelCracker(languages: [
        .init(model: Fixtures.model, noise: Fixtures.model.skeleton.map { NoiseModel(skeleton: $0) }),
    ])

    /// The story's own words come out with their key, and the posterior is a distribution.
    @Test func theKeyOfATextComesOut() throws {
        let text = "The keeper wrote to his sister every week."
        for key in [1, 3, 13, 25] {
            let ranking = try cracker.rank(CaesarShift(key: key).apply(to: text))
            #expect(ranking.best.key == key)
            #expect(abs(ranking.candidates.reduce(0) { $0 + $1.posterior } - 1) < 1e-12)
            #expect(ranking.languages == [KeyRanking.LanguageProbability(code: "en", probability: 1)])
            #expect(ranking.hasPlausiblePlaintext)
        }
    }

    /// Bayes' rule by hand: the posterior is the prior times the likelihood, normalized.
    @Test func thePosteriorIsBayesRule() throws {
        let c = try CiphertextTokens("Wkh vhd", pipeline: cracker.pipeline)
        let ranking = cracker.rank(c)
        let prior = KeyPrior.encrypted.logProbabilities
        let joint: [Double] = (0..<26).map { ranking.likelihoods[0][$0] + prior[$0] }
        let top = joint.max()!
        let weights: [Double] = joint.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        for candidate in ranking.keys.candidates {
            #expect(abs(candidate.posterior - weights[candidate.key] / total) < 1e-12)
        }
        let order: [Int] = (0..<26).sorted { joint[$0] > joint[$1] }
        #expect(ranking.keys.candidates.map(\.key) == order)
    }

    /// Long random letters are noise; the same length of text is not.
    @Test func randomLettersHaveNoPlausiblePlaintext() throws {
        let noise = try cracker.rank("Xqzvj kpwm qfzt bxvhn rqwkz jvcx")
        #expect(noise.noPlaintextProbability! > 0.99 && !noise.hasPlausiblePlaintext)
        let text = try cracker.rank(CaesarShift(key: 7).apply(to: "The lighthouse stood on the rock by the sea."))
        #expect(text.noPlaintextProbability! < 1e-6 && text.best.key == 7)
    }

    /// The noise model's likelihood is the skeleton's times 1/26 a letter, exactly.
    @Test func noiseIsTheSkeletonWithUniformLetters() throws {
        let skeleton = try #require(Fixtures.model.skeleton)
        let noise = NoiseModel(skeleton: skeleton)
        let tokens: [UInt8] = [UInt8(Token.start.index), 7, 4, 27, 22, 0, 18, 26]
        let expected = skeleton.logLikelihoods(of: [[UInt8(Token.start.index), 0, 0, 27, 0, 0, 0, 26]])[0] - 5 * log(26.0)
        #expect(abs(noise.logLikelihood(of: tokens) - expected) < 1e-9)
    }

    @Test func textWithoutLettersIsAnError() {
        #expect(throws: CipherError.noLetters(source: "the text", scannedBytes: nil)) { try cracker.rank("123 ... !!!") }
    }
}

@Suite struct CalibrationTests {
    /// Trials whose keys are drawn from softmax(ℓ) are calibrated at T = 1; the same trials with
    /// every likelihood tripled need T = 3 to be calibrated again.
    @Test func theFittedTemperatureUndoesAScaling() {
        var random = SeededGenerator(seed: 11)
        var likelihoods: [[Double]] = [], keys: [Int] = []
        for _ in 0..<4000 {
            let ll = (0..<26).map { _ in -5 * random.uniformDouble() }
            let weights = ll.map(exp), total = weights.reduce(0, +)
            var u = random.uniformDouble() * total, key = 0
            while u > weights[key] { u -= weights[key]; key += 1 }
            likelihoods.append(ll)
            keys.append(key)
        }
        let t1 = Calibration.temperature(likelihoods: likelihoods, keys: keys, prior: .uniform)
        let t3 = Calibration.temperature(likelihoods: likelihoods.map { $0.map { 3 * $0 } }, keys: keys, prior: .uniform)
        #expect(abs(t1 - 1) < 0.1 && abs(t3 - 3) < 0.3)
        #expect(abs(t3 / t1 - 3) < 1e-6)
    }

    /// Calibration messages start at words and hold exactly the letters asked for.
    @Test func trialsAreMessagesOfTheAskedLengths() {
        let trials = Calibration.trials(sentences: Fixtures.corpus.validation, lengths: [4, 9], count: 40, seed: 1)
        #expect(trials.count == 40)
        for (k, trial) in trials.enumerated() {
            #expect(trial.ciphertext.letters == (k % 2 == 0 ? 4 : 9) && (1...25).contains(trial.key))
            #expect(trial.ciphertext.tokens[1] < 26)
        }
    }
}

