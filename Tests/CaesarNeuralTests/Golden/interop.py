#!/usr/bin/env python3
"""Model files move between caesar (Swift) and PyTorch unchanged, in both directions.

1. Swift -> PyTorch: swift-model.safetensors was written by caesar's ModelFile (InteropTests
   checks the file is byte for byte what Swift writes). This script loads it with the
   `safetensors` package into torch.nn.LSTM + nn.Linear (the reference's Decipher) and
   records PyTorch's logits; InteropTests checks Swift's logits for the same file equal them.
2. PyTorch -> Swift: this script trains a small model in PyTorch for a few steps, saves it
   with safetensors.torch.save_file and caesar's metadata as pytorch-model.safetensors, and
   records its logits; InteropTests loads it with ModelFile and compares.

Run (needs torch and safetensors: python3 -m venv ~/.cache/caesar-baseline/venv &&
~/.cache/caesar-baseline/venv/bin/pip install torch numpy safetensors):
    ~/.cache/caesar-baseline/venv/bin/python Tests/CaesarNeuralTests/Golden/interop.py
"""
import json
import os
import sys

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from safetensors.torch import load_file, save_file
    from safetensors import safe_open
except ImportError:
    venv = os.path.expanduser("~/.cache/caesar-baseline/venv/bin/python")
    if os.path.exists(venv) and sys.executable != venv:
        os.execv(venv, [venv] + sys.argv)
    raise SystemExit("needs torch and safetensors: python3 -m venv ~/.cache/caesar-baseline/venv && ~/.cache/caesar-baseline/venv/bin/pip install torch numpy safetensors")

HERE = os.path.dirname(os.path.abspath(__file__))
V = 31


class Decipher(nn.Module):
    def __init__(self, cell, H, layers, bidirectional, O=V):
        super().__init__()
        cls = nn.RNN if cell == "rnn" else nn.LSTM
        self.rnn = cls(V, H, num_layers=layers, bidirectional=bidirectional)
        self.out = nn.Linear(H * (2 if bidirectional else 1), O)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.out(h)


def from_metadata(path):
    """Builds the module a caesar model file describes and loads its tensors."""
    with safe_open(path, "pt") as f:
        meta = f.metadata()
    assert meta["format"] == "caesar-recurrent", meta
    assert meta["cell"] == "rnn" or meta["gate_order"] == "i,f,g,o", meta
    model = Decipher(meta["cell"], int(meta["hidden_size"]), int(meta["num_layers"]),
                     meta["bidirectional"] == "true", int(meta["output_size"]))
    model.load_state_dict(load_file(path))   # strict: every name and shape must match
    return model


def logits(model, inputs):
    with torch.no_grad():
        return model(F.one_hot(torch.tensor(inputs), V).float()).reshape(-1).tolist()


def main():
    g = torch.Generator().manual_seed(5)
    inputs = torch.randint(0, V, (12, 3), generator=g).tolist()   # [T][B]

    swift = from_metadata(os.path.join(HERE, "swift-model.safetensors"))

    torch.manual_seed(6)
    trained = Decipher("lstm", 8, 2, False)
    opt = torch.optim.Adam(trained.parameters(), lr=3e-3)
    for _ in range(20):
        x = torch.randint(0, V, (16, 4), generator=g)
        loss = F.cross_entropy(trained(F.one_hot(x, V).float()).reshape(-1, V), ((x + 23) % V).reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
    meta = {"format": "caesar-recurrent", "format_version": "1", "cell": "lstm", "gate_order": "i,f,g,o",
            "input_size": "31", "hidden_size": "8", "num_layers": "2", "bidirectional": "false",
            "output_size": "31", "training": "interop.py: 20 Adam steps in PyTorch on random tokens"}
    pytorch_path = os.path.join(HERE, "pytorch-model.safetensors")
    save_file({k: v.contiguous() for k, v in trained.state_dict().items()}, pytorch_path, metadata=meta)
    assert torch.equal(from_metadata(pytorch_path).out.weight, trained.out.weight)

    out = {
        "_generated": f"by Tests/CaesarNeuralTests/Golden/interop.py with torch {torch.__version__}; do not edit by hand",
        "inputs": inputs,
        "pytorch_logits_of_swift_model": logits(swift, inputs),
        "pytorch_logits_of_pytorch_model": logits(trained, inputs),
    }
    with open(os.path.join(HERE, "interop.json"), "w") as f:
        json.dump(out, f)
        f.write("\n")
    print("Swift -> PyTorch: swift-model.safetensors loaded into", type(swift.rnn).__name__, "strictly; logits recorded")
    print("PyTorch -> Swift: wrote pytorch-model.safetensors and its logits")


if __name__ == "__main__":
    main()
