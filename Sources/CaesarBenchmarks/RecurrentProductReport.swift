import CaesarNeural

/// `caesar bench neural --measure products`: one core's GFLOP/s on the products every step of
/// a recurrence makes, through BLAS (which packs W_hh on every call) and through the kernel
/// on weights packed once, for each configuration's sizes and each batch a worker gets.
public enum RecurrentProductReport {
    public struct Row: Codable, Sendable {
        public let config: String
        public let product: NeuralBenchmark.ProductPass
        public let rows: Int
        public let blasGFLOPS: Double
        public let packedGFLOPS: Double
    }

    public static func measure(configs: [String], batches: [Int], benchmark: NeuralBenchmark, print: (String) -> Void) -> [Row] {
        print("recurrent products, one core, GFLOP/s: BLAS (packs W_hh every call) vs packed once (multiplyRows)")
        var rows: [Row] = [], seen: Set<String> = []
        for name in configs {
            let shape = Architecture.preset(named: name)!.stacks[0]
            let H = shape.hiddenSize, G = shape.gateRows
            guard seen.insert("\(H)x\(G)").inserted else { continue }
            // a worker's rows: the whole batch, or its share of it
            for m in Set(batches.flatMap { [$0, ($0 + 1) / 2] } + [128]).sorted() {
                for product in NeuralBenchmark.ProductPass.allCases {
                    let blas = benchmark.recurrentProduct(product, rows: m, hidden: H, gates: G, packed: false).median
                    let packed = benchmark.recurrentProduct(product, rows: m, hidden: H, gates: G, packed: true).median
                    rows.append(Row(config: name, product: product, rows: m, blasGFLOPS: blas, packedGFLOPS: packed))
                    let shapeText = product == .forward ? "(\(m), \(H))·(\(H), \(G))" : "(\(m), \(G))·(\(G), \(H))"
                    print("\(NeuralSpeedReport.pad(name, 10)) \(NeuralSpeedReport.pad(product.rawValue, 8)) "
                        + "\(NeuralSpeedReport.pad(shapeText, 26)) BLAS \(NeuralSpeedReport.format(blas, digits: 1))  "
                        + "packed \(NeuralSpeedReport.format(packed, digits: 1))")
                }
            }
        }
        return rows
    }
}
