#!/usr/bin/env python3
"""PyTorch's side of `caesar bench neural`: the same networks, the same work, the same figures.

The README's speed table puts the two side by side; this script is how the PyTorch column is
measured. Run both on the same machine in the same session, one configuration at a time,
ours then PyTorch's:

    .build/release/caesar bench neural --threads 2 --configs lstm128
    ~/.cache/caesar-baseline/venv/bin/python Tests/CaesarNeuralTests/Golden/bench_pytorch.py --threads 2 --configs lstm128

(make the environment once: python3 -m venv ~/.cache/caesar-baseline/venv &&
 ~/.cache/caesar-baseline/venv/bin/pip install torch numpy — PyPI's torch; its CUDA
 libraries are installed with it and never used here.)

What is measured, as `NeuralBenchmark` measures it (a "character" is one step of one sequence):
- train: forward, mean cross-entropy, backward (BPTT), clip_grad_norm_(5), Adam (lr 3e-3)
  on B sequences of 64 steps, one-hot input (made beforehand, not timed);
- infer: forward and argmax on 256 × 64 under torch.inference_mode();
- latency: forward and argmax of one sequence of 100 characters plus [start] and [end]
  (102 steps), batch 1, in milliseconds.
The network is the reference layout: nn.RNN / nn.LSTM (time-major, input 31) and
nn.Linear(D, 31). Each figure is the median of --repeats timed runs of at least
--min-seconds after warm-up, with the minimum and maximum, and "others": the cores other
processes used meanwhile (a figure taken while it is well above 0 is not to be trusted).
Tokens are random (speed does not depend on them), drawn from a fixed seed.
"""
import argparse
import json
import os
import platform
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

V = 31  # the pipeline's tokens: a–z, '.', [sep], [start], [end], [pad]
STEPS = 64
SENTENCE = 100

# name: (cell, hidden units, layers, bidirectional), as Architecture+Presets.swift names them
CONFIGS = {
    "rnn128": ("rnn", 128, 1, False),
    "lstm128": ("lstm", 128, 1, False),
    "lstm256": ("lstm", 256, 1, False),
    "lstm2x256": ("lstm", 256, 2, False),
    "bilstm128": ("lstm", 128, 1, True),
    "bilstm256": ("lstm", 256, 1, True),
    "bilstm2x256": ("lstm", 256, 2, True),
}
DEFAULT_CONFIGS = ["rnn128", "lstm128", "lstm256", "lstm2x256", "bilstm128"]


class Decipher(nn.Module):
    """A recurrent stack and a linear head at every step: (T, B, V) one-hot → (T, B, V) logits."""

    def __init__(self, cell, hidden, layers, bidirectional):
        super().__init__()
        recurrent = nn.RNN if cell == "rnn" else nn.LSTM
        self.rnn = recurrent(V, hidden, num_layers=layers, bidirectional=bidirectional)
        self.out = nn.Linear(hidden * (2 if bidirectional else 1), V)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.out(h)


class CPUMeter:
    """Cores other processes used between start and stop: all busy time minus this process's."""

    def __init__(self):
        self.start = self._read()

    @staticmethod
    def _read():
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
        busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
        ticks = os.times()
        return busy, (ticks.user + ticks.system) * os.sysconf("SC_CLK_TCK"), time.monotonic()

    def others_cores(self):
        busy, own, now = self._read()
        elapsed = (now - self.start[2]) * os.sysconf("SC_CLK_TCK")
        return round(max(0.0, (busy - self.start[0]) - (own - self.start[1])) / elapsed, 2) if elapsed > 0 else None


def measure(body, units, repeats, min_seconds, warmup=3):
    """Units per second: median, minimum and maximum of `repeats` timed runs."""
    start = time.perf_counter()
    for _ in range(warmup):
        body()
    per_call = max((time.perf_counter() - start) / warmup, 1e-7)
    calls = max(1, int(min_seconds / per_call))
    meter, rates = CPUMeter(), []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            body()
        rates.append(units * calls / (time.perf_counter() - start))
    return {"median": statistics.median(rates), "minimum": min(rates), "maximum": max(rates),
            "callsPerRun": calls, "othersCores": meter.others_cores()}


def one_hot_batch(batch, steps, seed):
    generator = torch.Generator().manual_seed(seed)
    tokens = torch.randint(0, V, (steps, batch), generator=generator)
    targets = torch.randint(0, V, (steps, batch), generator=generator)
    return F.one_hot(tokens, V).float(), targets


def training(config, batch, repeats, min_seconds):
    torch.manual_seed(0)
    model = Decipher(*CONFIGS[config])
    adam = torch.optim.Adam(model.parameters(), lr=3e-3)
    batches = [one_hot_batch(batch, STEPS, seed) for seed in range(4)]
    step = [0]

    def train_step():
        x, y = batches[step[0] % 4]
        step[0] += 1
        loss = F.cross_entropy(model(x).reshape(-1, V), y.reshape(-1))
        adam.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        adam.step()

    return measure(train_step, batch * STEPS, repeats, min_seconds)


def inference(config, repeats, min_seconds):
    torch.manual_seed(0)
    model = Decipher(*CONFIGS[config]).eval()
    x, _ = one_hot_batch(256, STEPS, 1)
    x1, _ = one_hot_batch(1, SENTENCE + 2, 2)

    def infer(inputs):
        with torch.inference_mode():
            return model(inputs).argmax(-1)

    throughput = measure(lambda: infer(x), 256 * STEPS, repeats, min_seconds)
    rate = measure(lambda: infer(x1), 1, repeats, min_seconds / 2, warmup=10)
    latency = {"median": 1000 / rate["median"], "minimum": 1000 / rate["maximum"],
               "maximum": 1000 / rate["minimum"], "callsPerRun": rate["callsPerRun"],
               "othersCores": rate["othersCores"]}
    return throughput, latency


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    parser.add_argument("--configs", nargs="+", default=DEFAULT_CONFIGS, choices=list(CONFIGS))
    parser.add_argument("--batches", nargs="+", type=int, default=[32, 128], help="training batch sizes")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--min-seconds", type=float, default=1.0)
    parser.add_argument("--measure", nargs="+", default=["train", "infer"], choices=["train", "infer"],
                        help="infer includes the latency")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    record = {"torch": torch.__version__, "threads": args.threads, "oneDNN": torch.backends.mkldnn.is_available(),
              "cpu": platform.processor() or platform.machine(), "train": {}, "infer": {}, "latency": {}}
    for config in args.configs:
        if "train" in args.measure:
            for batch in args.batches:
                r = training(config, batch, args.repeats, args.min_seconds)
                record["train"][f"{config}/b{batch}"] = r
                if not args.json:
                    print(f"train    {config:<12} b{batch:<4} {r['median']:>10,.0f} chars/s  "
                          f"({r['minimum']:,.0f}–{r['maximum']:,.0f}; others {r['othersCores']})", flush=True)
        if "infer" in args.measure:
            throughput, latency = inference(config, args.repeats, args.min_seconds)
            record["infer"][config], record["latency"][config] = throughput, latency
            if not args.json:
                print(f"infer    {config:<12} b256 {throughput['median']:>10,.0f} chars/s  "
                      f"({throughput['minimum']:,.0f}–{throughput['maximum']:,.0f}; others {throughput['othersCores']})", flush=True)
                print(f"latency  {config:<12} {SENTENCE} characters {latency['median']:.3f} ms  "
                      f"({latency['minimum']:.3f}–{latency['maximum']:.3f}; others {latency['othersCores']})", flush=True)
    if args.json:
        print(json.dumps(record, indent=1))


if __name__ == "__main__":
    main()
