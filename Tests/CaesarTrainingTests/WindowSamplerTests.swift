import CaesarRandom
import Testing

@testable import CaesarTraining

@Suite struct WindowSamplerTests {
    @Test func windowsAreWrappedAndEncryptedLetterByLetter() {
        var sampler = WindowSampler(stream: Fixtures.text, contentLength: 10, key: .fixed(3), random: SeededGenerator(seed: 1))
        let batch = sampler.next(batchSize: 4)
        #expect(batch.steps == 12 && batch.size == 4)
        for b in 0..<4 {
            #expect(batch.inputs[b] == 28 && batch.targets[b] == 28)  // [start]
            #expect(batch.inputs[11 * 4 + b] == 29 && batch.targets[11 * 4 + b] == 29)  // [end]
            for t in 1...10 {
                let plain = batch.targets[t * 4 + b], cipher = batch.inputs[t * 4 + b]
                #expect(cipher == (plain < 26 ? (plain + 3) % 26 : plain))
            }
        }
    }

    @Test func theSameSeedDrawsTheSameBatches() {
        var a = WindowSampler(stream: Fixtures.text, contentLength: 10, key: .any, random: SeededGenerator(seed: 2))
        var b = WindowSampler(stream: Fixtures.text, contentLength: 10, key: .any, random: SeededGenerator(seed: 2))
        #expect(a.next(batchSize: 5) == b.next(batchSize: 5))
        #expect(a.random == b.random)
    }

    @Test func anyKeyUsesManyKeys() {
        var sampler = WindowSampler(stream: Fixtures.text, contentLength: 30, key: .any, random: SeededGenerator(seed: 3))
        let batch = sampler.next(batchSize: 200)
        var keys = Set<Int32>()
        for b in 0..<200 {
            for t in 1...30 where batch.targets[t * 200 + b] < 26 {
                keys.insert((batch.inputs[t * 200 + b] - batch.targets[t * 200 + b] + 26) % 26)
                break
            }
        }
        #expect(keys.count == 26)
    }

    @Test func validationUsesKeyIModulo26() throws {
        let set = try ValidationSet(stream: Fixtures.text, contentLength: 10, count: 30, key: .any)
        #expect(set.batch.size == 30)
        for b in 0..<30 {
            for t in 1...10 where set.batch.targets[t * 30 + b] < 26 {
                #expect((set.batch.inputs[t * 30 + b] - set.batch.targets[t * 30 + b] + 26) % 26 == Int32(b % 26))
            }
        }
        #expect(throws: TrainingError.validationTextTooShort(characters: 5, needed: 10)) {
            try ValidationSet(stream: Array(Fixtures.text.prefix(5)), contentLength: 10, count: 3, key: .any)
        }
    }

    @Test func variableLengthsCoverTheRangeOneLengthPerBatch() {
        var sampler = WindowSampler(stream: Fixtures.text, contentLength: 12, minimumContentLength: 3, key: .any, random: SeededGenerator(seed: 4))
        var lengths = Set<Int>()
        for _ in 0..<200 {
            let batch = sampler.next(batchSize: 3)
            lengths.insert(batch.steps - 2)
            #expect(batch.inputs.count == batch.steps * 3)
        }
        #expect(lengths == Set(3...12))
    }
}
