import Testing

@testable import CaesarLessons

@Suite struct NetworkShapesTests {
    @Test(arguments: NetworkShapesGolden.cases.map(\.name))
    func parameterCountsMatchPyTorchsWayOfCounting(_ name: String) {
        let g = NetworkShapesGolden.cases.first { $0.name == name }!
        let shapes = NetworkShapes(NetworkConfiguration(
            vocabulary: g.vocabulary, embedding: g.embedding, hidden: g.hidden, layers: g.layers,
            bidirectional: g.bidirectional, cell: NetworkConfiguration.Cell(rawValue: g.cell)!, steps: 5))
        #expect(shapes.parameterCount == g.parameterCount)
        #expect(shapes.countsByPart.reduce(0) { $0 + $1.count } == g.parameterCount)
    }

    @Test func theTextbookExampleShapes() {
        let shapes = NetworkShapes(.textbookExample)
        let byName = Dictionary(uniqueKeysWithValues: shapes.parameters.map { ($0.name, $0.shape) })
        #expect(byName["W_x"] == "7×15" && byName["W_h"] == "7×7" && byName["W_y"] == "10×7")
        let step = Dictionary(uniqueKeysWithValues: shapes.activations.filter { $0.part == "step" }.map { ($0.name, $0.shape) })
        #expect(step["x_t"] == "15×1" && step["h_t"] == "7×1" && step["ŷ_t"] == "10×1")
        #expect(shapes.parameters.first { $0.name == "W_e" }?.pytorchShape == [10, 15])  // stored transposed
        #expect(shapes.countsByPart.map(\.part) == ["embedding", "layer 1", "output"])
    }

    @Test func presetsAreTheProjectsModels() {
        let presets = Dictionary(uniqueKeysWithValues: NetworkConfiguration.presets.map { ($0.name, NetworkShapes($0.configuration).parameterCount) })
        #expect(presets == ["rnn128": 24607, "lstm128": 86431, "lstm256": 303903, "lstm2x256": 830239, "bilstm128": 172831])
    }

    @Test func lstmLayersStackFourGatesAndDeeperLayersTakeTheLayerBelow() {
        let shapes = NetworkShapes(NetworkConfiguration.presets.first { $0.name == "lstm2x256" }!.configuration)
        let layer2 = shapes.parameters.filter { $0.part == "layer 2" }
        #expect(layer2.map(\.shape) == ["1024×256", "1024×256", "1024×1", "1024×1"])
        #expect(layer2.map { $0.pytorchKey! } == ["LSTM.weight_ih_l1", "LSTM.weight_hh_l1", "LSTM.bias_ih_l1", "LSTM.bias_hh_l1"])
        #expect(shapes.products[1].hasSuffix("→ 1024×1, cut into i, f, g, o of 256×1"))
        #expect(shapes.products[0].hasSuffix("→ 1024×1, cut into i, f, g, o of 256×1; its h_t is the next layer's x_t"))
        // The terminal shows each product's formula, shapes and remark on lines of their own.
        #expect(shapes.text().contains("""
              layer 1: z_t = W_x·x_t + W_h·h_{t−1} + b_x + b_h
                (1024×31)·(31×1) + (1024×256)·(256×1) + 1024×1 + 1024×1 → 1024×1
                cut into i, f, g, o of 256×1; its h_t is the next layer's x_t

            """))
    }

    @Test func bidirectionalDoublesTheOutputLayersInput() {
        let shapes = NetworkShapes(NetworkConfiguration.presets.first { $0.name == "bilstm128" }!.configuration)
        #expect(shapes.parameters.contains { $0.pytorchKey == "LSTM.weight_hh_l0_reverse" })
        #expect(shapes.parameters.first { $0.name == "W_y" }?.shape == "31×256")
        #expect(shapes.activations.contains { $0.name == "[h→_t; h←_t]" && $0.rows == 256 })
    }

    @Test func theTextListsEveryPart() {
        let shapes = NetworkShapes(.textbookExample)
        let text = shapes.text()
        #expect(text.contains("  layer 1    W_x    7×15  input to hidden\n"))
        #expect(text.contains("  W_x    7×15  RNN.weight_ih_l0  (7, 15)          105\n"))
        #expect(text.contains("  total 398 parameters: embedding 150, layer 1 168, output 80\n"))
        #expect(text.contains("  layer 1: a_t = W_x·x_t + W_h·h_{t−1} + b_x + b_h\n    (7×15)·(15×1) + (7×7)·(7×1) + 7×1 + 7×1 → 7×1\n"))
        #expect(shapes.products == [
            "x_t = W_e·onehot_t: (15×10)·(10×1) → 15×1   (PyTorch looks up row k instead)",
            "layer 1: a_t = W_x·x_t + W_h·h_{t−1} + b_x + b_h: (7×15)·(15×1) + (7×7)·(7×1) + 7×1 + 7×1 → 7×1",
            "ŷ_t = W_y·h_t + b_y: (10×7)·(7×1) + 10×1 → 10×1",
        ])
    }

    @Test func aModelFilesKeysReplaceTheModuleTypes() {
        let shapes = NetworkShapes(NetworkConfiguration(vocabulary: 31, hidden: 4, bidirectional: true, cell: .lstm, steps: 8))
        let keys = shapes.parameters.map { t in
            (name: t.pytorchKey!.replacingOccurrences(of: "LSTM.", with: "rnn.").replacingOccurrences(of: "Linear.", with: "out."), shape: t.pytorchShape!)
        }
        let named = shapes.naming(keys)
        #expect(named.parameters.map { $0.pytorchKey! } == [
            "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
            "rnn.weight_ih_l0_reverse", "rnn.weight_hh_l0_reverse", "rnn.bias_ih_l0_reverse", "rnn.bias_hh_l0_reverse",
            "out.weight", "out.bias",
        ])
        #expect(named.parameters.map(\.shape) == shapes.parameters.map(\.shape))
        #expect(named.parameterCount == shapes.parameterCount && named.parameterCount == 1463)
        let text = named.text()
        #expect(text.contains("  layer 1 reverse  W_x   16×31  input to hidden (i, f, g, o stacked)\n"))
        #expect(text.contains("  W_x   16×31  rnn.weight_ih_l0_reverse  (16, 31)         496\n"))
    }
}
