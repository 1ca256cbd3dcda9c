#!/usr/bin/env python3
"""Writes tests/fixtures/pytorch-counts.json from REAL PyTorch, for lib's differential tests.

The unit tests (tests/unit/lib-*.test.ts) compare the TypeScript library against this file:
parameter counts, names and shapes, the printed repr, and a forward pass in float64. CI only
reads the JSON; it never needs PyTorch.

Run it from the repository root after changing what it records, then commit the JSON:

    sudo apt-get install -y python3-torch   # Debian's PyTorch, CPU only
    /usr/bin/python3 scripts/generate_pytorch_fixtures.py

The output is stable: sorted keys, no timestamps, and no random numbers (every value that a
test compares is either a count or derived from the fixed weights written below).
"""

import json
from pathlib import Path

import torch
from torch import nn

OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pytorch-counts.json"


class SimpleNN(nn.Module):
    """The network of the lessons, exactly as the seed article writes it."""

    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.hidden = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.output = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        return self.output(self.relu(self.hidden(x)))


class TiedLinears(nn.Module):
    """Two layers whose weight is one Parameter, as GPT-2 ties its embedding and output layer."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Linear(4, 4)
        self.decoder = nn.Linear(4, 4)
        self.decoder.weight = self.encoder.weight


class Scaled(nn.Module):
    """A module with a parameter of its own, assigned after its child layer."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(2, 2)
        self.scale = nn.Parameter(torch.ones(2))


def count(model, trainable_only):
    """The seed article's count: each parameter once, frozen ones only if asked."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad or not trainable_only)


def naive_sum(model):
    """Adds up every layer as the repr lists it, so a shared parameter counts each time it appears."""
    own = sum(p.numel() for p in model._parameters.values() if p is not None)
    return own + sum(naive_sum(child) for child in model._modules.values() if child is not None)


def describe(model):
    """Counts, names, shapes and requires_grad, in named_parameters() order, plus the repr."""
    return {
        "naiveSum": naive_sum(model),
        "namedChildren": [name for name, _ in model.named_children()],
        "namedModules": [name for name, _ in model.named_modules()],
        "parameters": [
            {"name": name, "requiresGrad": p.requires_grad, "shape": list(p.shape)}
            for name, p in model.named_parameters()
        ],
        "repr": repr(model),
        "total": count(model, trainable_only=False),
        "trainable": count(model, trainable_only=True),
    }


def sweep_entry(hidden_size):
    """SimpleNN(3, hidden_size, 2): counts, then parameter names and shapes in order."""
    model = SimpleNN(3, hidden_size, 2)
    return {
        "hiddenSize": hidden_size,
        "names": [name for name, _ in model.named_parameters()],
        "shapes": [list(p.shape) for _, p in model.named_parameters()],
        "total": count(model, trainable_only=False),
        "trainable": count(model, trainable_only=True),
    }


def forward_fixture():
    """SimpleNN(3, 5, 2) in float64 with fixed weights, on a fixed batch and a single sample."""
    model = SimpleNN(3, 5, 2).double()
    formulas = {
        "hidden.bias": "(arange(5) - 2) / 4",
        "hidden.weight": "(arange(15).reshape(5, 3) - 7) / 10",
        "output.bias": "(arange(2) + 1) / 3",
        "output.weight": "(arange(10).reshape(2, 5) - 4.5) / 7",
    }
    values = {
        "hidden.bias": (torch.arange(5, dtype=torch.float64) - 2) / 4,
        "hidden.weight": (torch.arange(15, dtype=torch.float64).reshape(5, 3) - 7) / 10,
        "output.bias": (torch.arange(2, dtype=torch.float64) + 1) / 3,
        "output.weight": (torch.arange(10, dtype=torch.float64).reshape(2, 5) - 4.5) / 7,
    }
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(values[name])
    batch = torch.tensor(
        [[1.0, -2.0, 0.5], [0.3, 0.7, -1.1], [-3.0, 2.5, 4.0], [0.0, 0.0, 0.0]], dtype=torch.float64
    )
    sample = torch.tensor([0.25, -1.5, 2.0], dtype=torch.float64)
    with torch.no_grad():
        return {
            "batch": {"input": batch.tolist(), "output": model(batch).tolist()},
            "formulas": formulas,
            "sample": {"input": sample.tolist(), "output": model(sample).tolist()},
            "weights": {name: t.tolist() for name, t in values.items()},
        }


def to_json(value, depth=0):
    """Sorted, indented JSON that keeps lists of plain values on one line, to stay small."""
    if isinstance(value, dict):
        pad = "  " * (depth + 1)
        items = [f"{pad}{json.dumps(k)}: {to_json(value[k], depth + 1)}" for k in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        pad = "  " * (depth + 1)
        return "[\n" + ",\n".join(pad + to_json(v, depth + 1) for v in value) + "\n" + "  " * depth + "]"
    return json.dumps(value, sort_keys=True)


def main():
    frozen = SimpleNN(3, 5, 2)
    frozen.hidden.requires_grad_(False)

    shared = nn.Linear(3, 3)

    fixture = {
        "frozenHidden": describe(frozen),
        "linearNoBias": describe(nn.Linear(3, 5, bias=False)),
        "nestedSequential": describe(nn.Sequential(SimpleNN(3, 5, 2), nn.ReLU(), nn.Linear(2, 1))),
        "ownParameterAfterChild": describe(Scaled()),
        "sharedInSequential": describe(nn.Sequential(shared, nn.ReLU(), shared)),
        "simpleNN": describe(SimpleNN(3, 5, 2)),
        "simpleNNByHiddenSize": [sweep_entry(h) for h in range(1, 129)],
        "simpleNNForward": forward_fixture(),
        "tiedWeight": describe(TiedLinears()),
        "torchVersion": torch.__version__,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(to_json(fixture) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
