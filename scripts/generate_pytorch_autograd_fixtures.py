#!/usr/bin/env python3
"""Writes tests/fixtures/pytorch-autograd.json from REAL PyTorch, for lib's autograd and optimisers.

For SimpleNN(3, 5, 2) in float64 on a fixed batch: the forward output, the MSE loss, the gradient
of every parameter, and the parameters after each of two steps of SGD (momentum, weight decay;
and Nesterov), Adam (with an L2 penalty) and AdamW. tests/unit/lib-autograd-pytorch.test.ts and
tests/unit/lib-optim-pytorch.test.ts compare the TypeScript library against it. CI only reads the
JSON; it never needs PyTorch.

    sudo apt-get install -y python3-torch   # Debian's PyTorch, CPU only
    /usr/bin/python3 scripts/generate_pytorch_autograd_fixtures.py
"""

from pathlib import Path

import torch
from torch import nn

from generate_pytorch_fixtures import SimpleNN, to_json

OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pytorch-autograd.json"

# A batch where every hidden ReLU is on for some rows and off for others, so each gradient path runs.
INPUT = [[1.0, -2.0, 0.5], [0.3, 0.7, -1.1], [-1.5, 1.2, 2.0], [0.8, 0.1, -0.4]]
TARGET = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0], [0.0, 0.5]]

OPTIMIZERS = {
    "sgd": (torch.optim.SGD, {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01}),
    "sgdNesterov": (torch.optim.SGD, {"lr": 0.1, "momentum": 0.5, "nesterov": True}),
    "adam": (torch.optim.Adam, {"lr": 0.01, "betas": (0.9, 0.999), "weight_decay": 0.05}),
    "adamW": (torch.optim.AdamW, {"lr": 0.01, "weight_decay": 0.1}),
}
STEPS = 2


def model_with_fixed_weights():
    torch.manual_seed(4)
    return SimpleNN(3, 5, 2).double()


def parameters_of(model):
    return {name: p.detach().tolist() for name, p in model.named_parameters()}


def gradients():
    """The weights, the forward output, the loss and every parameter's gradient."""
    model = model_with_fixed_weights()
    x = torch.tensor(INPUT, dtype=torch.float64)
    y = torch.tensor(TARGET, dtype=torch.float64)
    output = model(x)
    loss = nn.functional.mse_loss(output, y)
    loss.backward()
    return {
        "input": INPUT,
        "loss": loss.item(),
        "output": output.tolist(),
        "gradients": {name: p.grad.tolist() for name, p in model.named_parameters()},
        "target": TARGET,
        "weights": parameters_of(model_with_fixed_weights()),
    }


def optimizer_run(name):
    """Parameters (and the loss they were stepped from) after each of STEPS full-batch steps."""
    cls, options = OPTIMIZERS[name]
    model = model_with_fixed_weights()
    optimizer = cls(model.parameters(), **options)
    x = torch.tensor(INPUT, dtype=torch.float64)
    y = torch.tensor(TARGET, dtype=torch.float64)
    steps = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        steps.append({"loss": loss.item(), "parameters": parameters_of(model)})
    clean = {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}
    return {"options": clean, "steps": steps}


def main():
    fixture = {
        "simpleNN": gradients(),
        "optimizers": {name: optimizer_run(name) for name in OPTIMIZERS},
        "torchVersion": torch.__version__,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(to_json(fixture) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
