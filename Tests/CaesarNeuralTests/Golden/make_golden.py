#!/usr/bin/env python3
"""Golden values for the Swift neural core, computed by PyTorch in float64.

Writes golden.json next to this script. The Swift tests (GoldenTests.swift) rebuild every
model from the weights stored here and compare logits, loss and every gradient, so they need
no PyTorch. Re-run after changing a case:

    ~/.cache/caesar-baseline/venv/bin/python Tests/CaesarNeuralTests/Golden/make_golden.py

(make it once: python3 -m venv ~/.cache/caesar-baseline/venv &&
 ~/.cache/caesar-baseline/venv/bin/pip install torch numpy safetensors)

Cases:
- models: nn.RNN / nn.LSTM (1-2 layers, bidirectional) + nn.Linear, the layout of the
  reference's `Decipher`; mean cross-entropy with ignore_index; full BPTT.
- truncated: the same cells stepped one at a time with the carried state detached every k
  steps (regular truncated BPTT: state carried forward, gradient cut).
- optimizers: Adam and SGD with momentum, after clip_grad_norm_, three steps.
- classifiers: the key classifier (many-to-one): nn.RNN / nn.LSTM, the top layer pooled
  (final states h_n, both directions concatenated, or the mean over time), nn.Linear;
  mean cross-entropy of one label per sequence.
- encoder_decoders: nn.RNN / nn.LSTM encoder (1-2 layers, bidirectional), a unidirectional
  decoder nn.RNN / nn.LSTM(O, D, layers) started in layer l from the encoder's h_n (and c_n)
  of layer l, directions concatenated, reading the previous target one-hot (teacher
  forcing), nn.Linear(D, O); mean cross-entropy with ignore_index; and greedy decoding.
"""
import json
import os
import sys

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:
    venv = os.path.expanduser("~/.cache/caesar-baseline/venv/bin/python")
    if os.path.exists(venv) and sys.executable != venv:
        os.execv(venv, [venv] + sys.argv)
    raise SystemExit("needs torch: python3 -m venv ~/.cache/caesar-baseline/venv && ~/.cache/caesar-baseline/venv/bin/pip install torch numpy safetensors")

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


class Decipher(nn.Module):
    """The PyTorch reference's model (its make_model: nn.RNN/nn.LSTM + nn.Linear), any size."""

    def __init__(self, cell, V, H, layers, bidirectional, O):
        super().__init__()
        cls = nn.RNN if cell == "rnn" else nn.LSTM
        self.rnn = cls(V, H, num_layers=layers, bidirectional=bidirectional)
        self.out = nn.Linear(H * (2 if bidirectional else 1), O)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.out(h)


class KeyClassifier(nn.Module):
    """Many-to-one: the recurrent stack, pooled over time, then a linear head (B, O)."""

    def __init__(self, cell, V, H, layers, bidirectional, O, pooling):
        super().__init__()
        cls = nn.RNN if cell == "rnn" else nn.LSTM
        self.rnn = cls(V, H, num_layers=layers, bidirectional=bidirectional)
        self.out = nn.Linear(H * (2 if bidirectional else 1), O)
        self.lstm, self.bidirectional, self.pooling = cell == "lstm", bidirectional, pooling

    def forward(self, x):
        h, h_n = self.rnn(x)
        if self.lstm:
            h_n = h_n[0]
        if self.pooling == "final":   # h_n (layers * directions, B, H): the top layer's
            z = torch.cat([h_n[-2], h_n[-1]], dim=-1) if self.bidirectional else h_n[-1]
        else:
            z = h.mean(dim=0)
        return self.out(z)


class Seq2Seq(nn.Module):
    """Encoder-decoder: the decoder of layer l starts from the encoder's final state of layer l."""

    def __init__(self, cell, V, H, layers, bidirectional, O):
        super().__init__()
        cls = nn.RNN if cell == "rnn" else nn.LSTM
        D = H * (2 if bidirectional else 1)
        self.encoder = cls(V, H, num_layers=layers, bidirectional=bidirectional)
        self.decoder = cls(O, D, num_layers=layers)
        self.out = nn.Linear(D, O)
        self.lstm, self.bidirectional, self.O = cell == "lstm", bidirectional, O

    def handover(self, state):
        """(layers * directions, B, H) -> (layers, B, D): both directions of a layer side by side."""
        one = (lambda s: torch.cat([s[0::2], s[1::2]], dim=-1)) if self.bidirectional else (lambda s: s)
        return tuple(one(s) for s in state) if self.lstm else one(state)

    def forward(self, x, y):
        """x (T, B, V) one-hot; y (T, B) targets, read as y[:-1] (teacher forcing)."""
        _, state = self.encoder(x)
        s, _ = self.decoder(F.one_hot(y[:-1], self.O).double(), self.handover(state))
        return self.out(s)

    def greedy(self, x, start, end, max_len):
        _, state = self.encoder(x)
        state = self.handover(state)
        B = x.shape[1]
        token = torch.full((1, B), start)
        outputs, done = [[] for _ in range(B)], [False] * B
        for _ in range(max_len):
            if all(done):
                break
            s, state = self.decoder(F.one_hot(token, self.O).double(), state)
            token = self.out(s).argmax(dim=-1)
            for b in range(B):
                if not done[b]:
                    if token[0, b].item() == end:
                        done[b] = True
                    else:
                        outputs[b].append(token[0, b].item())
        return outputs


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def architecture(cell, V, H, layers, bi, O, setup=None, pooling=None):
    spec = dict(cell=cell, input_size=V, hidden_size=H, num_layers=layers, bidirectional=bi, output_size=O)
    if setup is not None:
        spec["setup"] = setup
    if pooling is not None:
        spec["pooling"] = pooling
    return spec


def batch(seed, T, B, V, O, ignore=None):
    g = torch.Generator().manual_seed(seed)
    x = torch.randint(0, V, (T, B), generator=g)
    y = torch.randint(0, O, (T, B), generator=g)
    if ignore is not None:
        y[0, :] = ignore          # the first step of every sequence does not count
    return x, y


def model_case(name, cell, V, H, layers, bi, O, seed, T=6, B=3, ignore=None):
    torch.manual_seed(seed)
    model = Decipher(cell, V, H, layers, bi, O)
    x, y = batch(seed + 100, T, B, V, O, ignore)
    logits = model(F.one_hot(x, V).double())
    kwargs = {} if ignore is None else {"ignore_index": ignore}
    loss = F.cross_entropy(logits.reshape(-1, O), y.reshape(-1), **kwargs)
    loss.backward()
    return dict(
        name=name, architecture=architecture(cell, V, H, layers, bi, O),
        inputs=x.tolist(), targets=y.tolist(), ignore_index=ignore, truncation=None,
        parameters={k: flat(v) for k, v in model.state_dict().items()},
        logits=flat(logits), loss=loss.item(),
        gradients={k: flat(p.grad) for k, p in model.named_parameters()})


def truncated_case(name, cell, V, H, layers, O, k, seed, T=7, B=2):
    """Unidirectional model stepped by hand; state detached before steps k, 2k, ..."""
    torch.manual_seed(seed)
    model = Decipher(cell, V, H, layers, False, O)
    x, y = batch(seed + 100, T, B, V, O)
    onehot = F.one_hot(x, V).double()
    state = None
    outputs = []
    for t in range(T):
        if t > 0 and t % k == 0:   # the cut: carry the value, not the gradient
            state = state.detach() if cell == "rnn" else tuple(s.detach() for s in state)
        out, state = model.rnn(onehot[t:t + 1], state)
        outputs.append(out)
    logits = model.out(torch.cat(outputs))
    loss = F.cross_entropy(logits.reshape(-1, O), y.reshape(-1))
    loss.backward()
    return dict(
        name=name, architecture=architecture(cell, V, H, layers, False, O),
        inputs=x.tolist(), targets=y.tolist(), ignore_index=None, truncation=k,
        parameters={n: flat(v) for n, v in model.state_dict().items()},
        logits=flat(logits), loss=loss.item(),
        gradients={n: flat(p.grad) for n, p in model.named_parameters()})


def optimizer_case(name, optimizer, seed, steps=3, clip=0.5):
    torch.manual_seed(seed)
    model = Decipher("lstm", 5, 3, 1, True, 4)
    initial = {k: flat(v) for k, v in model.state_dict().items()}
    opt = (torch.optim.Adam(model.parameters(), lr=3e-3) if optimizer == "adam"
           else torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9))
    batches, norms = [], []
    for s in range(steps):
        x, y = batch(seed + 200 + s, 5, 2, 5, 4)
        batches.append(dict(inputs=x.tolist(), targets=y.tolist()))
        opt.zero_grad()
        F.cross_entropy(model(F.one_hot(x, 5).double()).reshape(-1, 4), y.reshape(-1)).backward()
        norms.append(float(torch.nn.utils.clip_grad_norm_(model.parameters(), clip)))
        opt.step()
    return dict(
        name=name, optimizer=optimizer, clip=clip, architecture=architecture("lstm", 5, 3, 1, True, 4),
        initial=initial, batches=batches, norms_before_clipping=norms,
        final={k: flat(v) for k, v in model.state_dict().items()})


def classifier_case(name, cell, V, H, layers, bi, O, pooling, seed, T=6, B=3):
    torch.manual_seed(seed)
    model = KeyClassifier(cell, V, H, layers, bi, O, pooling)
    x, _ = batch(seed + 100, T, B, V, O)
    labels = torch.randint(0, O, (B,), generator=torch.Generator().manual_seed(seed + 300))
    logits = model(F.one_hot(x, V).double())
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    return dict(
        name=name, architecture=architecture(cell, V, H, layers, bi, O, "many-to-one", pooling),
        inputs=x.tolist(), labels=labels.tolist(),
        parameters={k: flat(v) for k, v in model.state_dict().items()},
        logits=flat(logits), loss=loss.item(),
        gradients={k: flat(p.grad) for k, p in model.named_parameters()})


def seq2seq_case(name, cell, V, H, layers, bi, O, seed, T=6, B=3, ignore=None, start=3, end=4):
    """Targets begin with `start`; greedy decoding runs up to T + 1 tokens. The weights are
    PyTorch's initial ones times 3, so that the greedy output varies with input and state."""
    torch.manual_seed(seed)
    model = Seq2Seq(cell, V, H, layers, bi, O)
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(3)
    x, y = batch(seed + 100, T, B, V, O)
    y[0, :] = start
    if ignore is not None:
        y[-1, 0] = ignore         # one target that does not count
    logits = model(F.one_hot(x, V).double(), y)
    kwargs = {} if ignore is None else {"ignore_index": ignore}
    loss = F.cross_entropy(logits.reshape(-1, O), y[1:].reshape(-1), **kwargs)
    loss.backward()
    with torch.no_grad():
        greedy = model.greedy(F.one_hot(x, V).double(), start, end, T + 1)
    return dict(
        name=name, architecture=architecture(cell, V, H, layers, bi, O, "encoder-decoder"),
        inputs=x.tolist(), targets=y.tolist(), ignore_index=ignore, start=start, end=end, max_length=T + 1,
        parameters={k: flat(v) for k, v in model.state_dict().items()},
        logits=flat(logits), loss=loss.item(),
        gradients={k: flat(p.grad) for k, p in model.named_parameters()},
        greedy=greedy)


def main():
    cases = [
        model_case("rnn", "rnn", 7, 4, 1, False, 5, seed=1),
        model_case("lstm", "lstm", 7, 4, 1, False, 5, seed=2),
        model_case("lstm-2-layers", "lstm", 7, 3, 2, False, 5, seed=3),
        model_case("bilstm", "lstm", 7, 3, 1, True, 5, seed=4),
        model_case("birnn-2-layers", "rnn", 7, 3, 2, True, 5, seed=5),
        model_case("bilstm-2-layers-ignore", "lstm", 7, 3, 2, True, 5, seed=6, ignore=4),
        model_case("lstm-task-sizes", "lstm", 31, 8, 1, True, 31, seed=7, T=10, B=2),
    ]
    truncated = [
        truncated_case("rnn-truncated-3", "rnn", 6, 4, 2, 5, k=3, seed=11),
        truncated_case("lstm-truncated-2", "lstm", 6, 4, 1, 5, k=2, seed=12),
    ]
    optimizers = [optimizer_case("adam", "adam", 21), optimizer_case("sgd-momentum", "sgd", 22)]
    classifiers = [
        classifier_case("rnn-final", "rnn", 7, 4, 1, False, 5, "final", seed=31),
        classifier_case("lstm-final", "lstm", 7, 4, 1, False, 5, "final", seed=32),
        classifier_case("bilstm-2-layers-final", "lstm", 7, 3, 2, True, 5, "final", seed=33),
        classifier_case("birnn-mean", "rnn", 7, 3, 1, True, 5, "mean", seed=34),
        classifier_case("lstm-2-layers-mean", "lstm", 7, 3, 2, False, 5, "mean", seed=35),
        classifier_case("bilstm-task-sizes-final", "lstm", 31, 8, 1, True, 26, "final", seed=36, T=10, B=2),
    ]
    encoder_decoders = [
        seq2seq_case("rnn", "rnn", 7, 4, 1, False, 5, seed=41),
        seq2seq_case("lstm", "lstm", 7, 4, 1, False, 5, seed=42),
        seq2seq_case("bilstm", "lstm", 7, 3, 1, True, 5, seed=43),
        seq2seq_case("birnn-2-layers", "rnn", 7, 3, 2, True, 5, seed=44),
        seq2seq_case("bilstm-2-layers-ignore", "lstm", 7, 3, 2, True, 5, seed=45, ignore=2),
        seq2seq_case("bilstm-task-sizes", "lstm", 31, 8, 1, True, 31, seed=46, T=10, B=2, start=28, end=29),
    ]
    out = {
        "_generated": "by Tests/CaesarNeuralTests/Golden/make_golden.py with torch "
                      f"{torch.__version__} in float64; do not edit by hand",
        "layout": "tensors flat row-major as in state_dict; inputs/targets [T][B]; logits (T, B, O)",
        "models": cases + truncated,
        "optimizers": optimizers,
        "classifiers": classifiers,
        "encoder_decoders": encoder_decoders,
    }
    path = os.path.join(HERE, "golden.json")
    with open(path, "w") as f:   # one case per line: diffs stay readable
        f.write("{\n")
        for key in ("_generated", "layout"):
            f.write(f" {json.dumps(key)}: {json.dumps(out[key])},\n")
        lists = ("models", "optimizers", "classifiers", "encoder_decoders")
        for key in lists:
            f.write(f" {json.dumps(key)}: [\n")
            f.write(",\n".join("  " + json.dumps(c) for c in out[key]))
            f.write("\n ]" + ("," if key != lists[-1] else "") + "\n")
        f.write("}\n")
    print(f"wrote {path}: {len(cases) + len(truncated)} model cases, {len(optimizers)} optimizer cases, "
          f"{len(classifiers)} classifier cases, {len(encoder_decoders)} encoder-decoder cases")


if __name__ == "__main__":
    main()
