import Foundation

/// Model files written byte by byte here, with weights chosen by hand, so that what a command
/// reports about them is known exactly.
enum HandMadeModels {
    /// An RNN that decrypts key `key` perfectly, by construction: one hidden unit per token
    /// (W_ih = 4·I, W_hh = 0, so h_t = tanh(4) on the unit of the token read and 0 elsewhere),
    /// and a head that maps each ciphertext token's unit to its plaintext token (weight 8).
    /// No training metadata and no curves beside it, as a file made outside caesar train.
    static func perfectDecrypter(key: Int) -> String {
        let V = 31
        var weightIH = [Float](repeating: 0, count: V * V), weightOut = weightIH
        for j in 0..<V {
            weightIH[j * V + j] = 4
            weightOut[(j < 26 ? (j - key + 26) % 26 : j) * V + j] = 8
        }
        return rnn(hidden: V, weightIH: weightIH, weightOut: weightOut, key: "\(key)", name: "perfect-\(key)")
    }

    /// A one-layer tanh RNN of `hidden` units reading and writing the 31 tokens, W_hh and the
    /// biases zero, W_ih (hidden, 31) and W_out (31, hidden) as given (zero by default).
    static func rnn(hidden H: Int, weightIH: [Float]? = nil, weightOut: [Float]? = nil, key: String, name: String) -> String {
        let V = 31
        let tensors: [(String, [Int], [Float])] = [
            ("rnn.weight_ih_l0", [H, V], weightIH ?? [Float](repeating: 0, count: H * V)),
            ("rnn.weight_hh_l0", [H, H], [Float](repeating: 0, count: H * H)),
            ("rnn.bias_ih_l0", [H], [Float](repeating: 0, count: H)), ("rnn.bias_hh_l0", [H], [Float](repeating: 0, count: H)),
            ("out.weight", [V, H], weightOut ?? [Float](repeating: 0, count: V * H)), ("out.bias", [V], [Float](repeating: 0, count: V)),
        ]
        let metadata = [
            "format": "caesar-recurrent", "format_version": "1", "cell": "rnn", "nonlinearity": "tanh", "input_size": "31",
            "hidden_size": "\(H)", "num_layers": "1", "bidirectional": "false", "output_size": "31", "cipher_key": key, "setup": "many-to-many",
        ]
        var header: [String: Any] = ["__metadata__": metadata]
        var data: [UInt8] = [], offset = 0
        for (name, shape, values) in tensors {
            header[name] = ["dtype": "F32", "shape": shape, "data_offsets": [offset, offset + 4 * values.count]]
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data += $0 } }
            offset += 4 * values.count
        }
        let json = [UInt8](try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes += $0 }
        let path = TinyModels.folder + "/\(name)-\(UUID().uuidString).safetensors"
        try! Data(bytes + json + data).write(to: URL(fileURLWithPath: path))
        return path
    }
}
