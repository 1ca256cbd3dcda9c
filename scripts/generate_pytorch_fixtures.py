#!/usr/bin/env python3
"""Writes tests/fixtures/pytorch-*.json from REAL PyTorch, for lib's differential tests.

The unit tests (tests/unit/lib-*.test.ts, tests/unit/summary*.test.ts) compare the TypeScript
library against these files. CI only reads the JSON; it never needs PyTorch.

- pytorch-counts.json: SimpleNN's counts, names, shapes and repr, and a forward pass in float64.
- pytorch-layers.json: every layer of lib in several configurations: counts (total, trainable,
  buffers), names and shapes of parameters and buffers, state_dict keys, repr, output shape.
- pytorch-models.json: LeNet-5, AlexNet, VGG-16, ResNet-18/50, MobileNetV2 (torchvision's), a
  Transformer encoder and GPT-2 small: totals and the direct count of every module.
- pytorch-summary.json: torchinfo-format tables whose rows come from forward hooks on the real
  models (torchinfo itself is not packaged for Debian; its layout is rebuilt in torchinfo_table).

Run it from the repository root after changing what it records, then commit the JSON:

    sudo apt-get install -y python3-torch python3-torchvision   # Debian's, CPU only
    /usr/bin/python3 scripts/generate_pytorch_fixtures.py

The output is stable: sorted keys, no timestamps, and no random numbers (every value that a
test compares is either a count or derived from the fixed weights written below).
"""

import json
import math
import sys
from pathlib import Path

import torch
import torchvision
from torch import nn

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
OUTPUT = FIXTURES / "pytorch-counts.json"


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


class Registered(nn.Module):
    """Attributes and register_* calls interleaved: each kind keeps the order it was added in."""

    def __init__(self):
        super().__init__()
        self.first = nn.Linear(2, 2)
        self.add_module("middle", nn.ReLU())
        self.register_buffer("steps", torch.zeros(1))
        self.register_parameter("scale", nn.Parameter(torch.ones(2)))
        self.last = nn.Linear(2, 1)
        self.offset = nn.Parameter(torch.zeros(1))


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


# ---------------------------------------------------------------------------------------------
# Layers: every layer of lib in two or more configurations.


def numel_sum(tensors):
    return sum(t.numel() for t in tensors)


def first_tensor(output):
    """RNNs and attention return tuples; the first element is the sequence the lib sizes."""
    return output[0] if isinstance(output, tuple) else output


def run_shape(module, input_shape, dtype=torch.float32):
    """The output shape of a real forward pass, in eval mode (no dropout) and without gradients."""
    module.eval()
    with torch.no_grad():
        x = torch.zeros(input_shape, dtype=dtype) if dtype != torch.float32 else torch.randn(input_shape)
        if isinstance(module, nn.MultiheadAttention):
            length, batch = input_shape[0], input_shape[1]
            key = torch.randn(length, batch, module.kdim)
            value = torch.randn(length, batch, module.vdim)
            return list(first_tensor(module(x, key, value)).shape)
        return list(first_tensor(module(x)).shape)


def describe_layer(module, input_shape=None, dtype=torch.float32):
    """Counts, names, shapes, state_dict keys, repr and (when it has a forward) the output shape."""
    record = {
        "buffers": [{"name": n, "shape": list(b.shape)} for n, b in module.named_buffers()],
        "bufferTotal": numel_sum(module.buffers()),
        "modules": [[n, type(m).__name__, numel_sum(m.parameters(recurse=False))] for n, m in module.named_modules()],
        "parameters": [
            {"name": n, "requiresGrad": p.requires_grad, "shape": list(p.shape)} for n, p in module.named_parameters()
        ],
        "repr": repr(module),
        "stateDict": list(module.state_dict().keys()),
        "total": count(module, trainable_only=False),
        "trainable": count(module, trainable_only=True),
    }
    if input_shape is not None:
        record["inputShape"] = list(input_shape)
        record["outputShape"] = run_shape(module, input_shape, dtype)
    return record


def frozen(module):
    module.requires_grad_(False)
    return module


def layer_fixtures():
    """Keyed by the PyTorch call that builds each layer; the test maps each key to lib's twin."""
    shared = nn.Linear(2, 2)
    long = torch.long
    layers = {
        "Linear(3, 5)": (nn.Linear(3, 5), [4, 3]),
        "Linear(3, 5, bias=False)": (nn.Linear(3, 5, bias=False), [2, 7, 3]),
        "Conv1d(4, 8, 3)": (nn.Conv1d(4, 8, 3), [2, 4, 20]),
        "Conv1d(4, 8, 5, stride=2, padding=2, groups=2, bias=False)": (
            nn.Conv1d(4, 8, 5, stride=2, padding=2, groups=2, bias=False),
            [2, 4, 21],
        ),
        "Conv2d(3, 8, 1)": (nn.Conv2d(3, 8, 1), [1, 3, 5, 5]),
        "Conv2d(16, 32, (3, 5), stride=(2, 1), padding=1, groups=4)": (
            nn.Conv2d(16, 32, (3, 5), stride=(2, 1), padding=1, groups=4),
            [2, 16, 28, 28],
        ),
        "Conv2d(32, 32, 3, padding=2, dilation=2, groups=32, bias=False)": (
            nn.Conv2d(32, 32, 3, padding=2, dilation=2, groups=32, bias=False),
            [1, 32, 14, 14],
        ),
        "ConvTranspose2d(16, 8, 4, stride=2, padding=1)": (nn.ConvTranspose2d(16, 8, 4, stride=2, padding=1), [2, 16, 7, 7]),
        "ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1, groups=2, bias=False)": (
            nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1, groups=2, bias=False),
            [1, 8, 5, 5],
        ),
        "BatchNorm1d(16)": (nn.BatchNorm1d(16), [4, 16]),
        "BatchNorm1d(16, affine=False)": (nn.BatchNorm1d(16, affine=False), [4, 16, 10]),
        "BatchNorm1d(16, track_running_stats=False)": (nn.BatchNorm1d(16, track_running_stats=False), [4, 16]),
        "BatchNorm1d(8, eps=0.001, momentum=None)": (nn.BatchNorm1d(8, eps=0.001, momentum=None), [4, 8]),
        "BatchNorm2d(64)": (nn.BatchNorm2d(64), [2, 64, 8, 8]),
        "BatchNorm2d(32, affine=False)": (nn.BatchNorm2d(32, affine=False), [2, 32, 4, 4]),
        "frozen BatchNorm2d(64)": (frozen(nn.BatchNorm2d(64)), [2, 64, 8, 8]),
        "LayerNorm(16)": (nn.LayerNorm(16), [2, 16]),
        "LayerNorm((4, 16), elementwise_affine=False)": (nn.LayerNorm((4, 16), elementwise_affine=False), [2, 4, 16]),
        "LayerNorm(768, eps=1e-06)": (nn.LayerNorm(768, eps=1e-06), [1, 10, 768]),
        "Embedding(8, 4)": (nn.Embedding(8, 4), ([2, 5], long)),
        "Embedding(10, 3, padding_idx=0)": (nn.Embedding(10, 3, padding_idx=0), ([7], long)),
        "Embedding(10, 3, padding_idx=-1)": (nn.Embedding(10, 3, padding_idx=-1), ([2, 3, 4], long)),
        "Dropout()": (nn.Dropout(), [4, 3]),
        "Dropout(p=0.1)": (nn.Dropout(p=0.1), [2, 8, 16]),
        "MaxPool2d(2)": (nn.MaxPool2d(2), [1, 3, 15, 15]),
        "MaxPool2d(3, stride=2, padding=1)": (nn.MaxPool2d(3, stride=2, padding=1), [1, 64, 112, 112]),
        "MaxPool2d(3, stride=2, ceil_mode=True)": (nn.MaxPool2d(3, stride=2, ceil_mode=True), [1, 3, 14, 14]),
        "AvgPool2d(2)": (nn.AvgPool2d(2), [1, 6, 28, 28]),
        "AvgPool2d((3, 2), stride=1, padding=1)": (nn.AvgPool2d((3, 2), stride=1, padding=1), [2, 3, 9, 9]),
        "AdaptiveAvgPool2d((1, 1))": (nn.AdaptiveAvgPool2d((1, 1)), [2, 512, 7, 7]),
        "AdaptiveAvgPool2d(6)": (nn.AdaptiveAvgPool2d(6), [1, 256, 13, 13]),
        "Flatten()": (nn.Flatten(), [2, 16, 5, 5]),
        "Flatten(0, 2)": (nn.Flatten(0, 2), [2, 3, 4, 5]),
        "ReLU()": (nn.ReLU(), [2, 3]),
        "ReLU6(inplace=True)": (nn.ReLU6(inplace=True), [2, 3, 4]),
        "Tanh()": (nn.Tanh(), [2, 3]),
        "Tanh() on a 4-d input": (nn.Tanh(), [1, 6, 28, 28]),
        "Sigmoid()": (nn.Sigmoid(), [5]),
        "Sigmoid() on a batch": (nn.Sigmoid(), [4, 2]),
        "GELU()": (nn.GELU(), [2, 768]),
        "GELU(approximate='tanh')": (nn.GELU(approximate="tanh"), [2, 3]),
        "MultiheadAttention(8, 2)": (nn.MultiheadAttention(8, 2), [5, 3, 8]),
        "MultiheadAttention(8, 2, bias=False)": (nn.MultiheadAttention(8, 2, bias=False), [5, 3, 8]),
        "MultiheadAttention(8, 2, add_bias_kv=True)": (nn.MultiheadAttention(8, 2, add_bias_kv=True), [5, 3, 8]),
        "MultiheadAttention(8, 2, kdim=4, vdim=6)": (nn.MultiheadAttention(8, 2, kdim=4, vdim=6), [5, 3, 8]),
        "TransformerEncoderLayer(16, 4, dim_feedforward=32)": (
            nn.TransformerEncoderLayer(16, 4, dim_feedforward=32),
            [5, 2, 16],
        ),
        "TransformerEncoderLayer(512, 8)": (nn.TransformerEncoderLayer(512, 8), [10, 2, 512]),
        "TransformerEncoderLayer(16, 4, dim_feedforward=64, activation='gelu', batch_first=True, norm_first=True)": (
            nn.TransformerEncoderLayer(16, 4, dim_feedforward=64, activation="gelu", batch_first=True, norm_first=True),
            [2, 5, 16],
        ),
        "TransformerEncoder(TransformerEncoderLayer(16, 4, dim_feedforward=32), 2)": (
            nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, dim_feedforward=32), 2),
            [5, 2, 16],
        ),
        "TransformerEncoder(TransformerEncoderLayer(16, 4, dim_feedforward=32), 3, norm=LayerNorm(16))": (
            nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, dim_feedforward=32), 3, norm=nn.LayerNorm(16)),
            [5, 2, 16],
        ),
        "RNN(5, 1)": (nn.RNN(5, 1), [7, 2, 5]),
        "RNN(10, 20, num_layers=2)": (nn.RNN(10, 20, num_layers=2), [7, 2, 10]),
        "RNN(10, 20, nonlinearity='relu', bias=False)": (nn.RNN(10, 20, nonlinearity="relu", bias=False), [7, 10]),
        "RNN(4, 6, num_layers=2, bidirectional=True)": (nn.RNN(4, 6, num_layers=2, bidirectional=True), [7, 2, 4]),
        "LSTM(5, 1)": (nn.LSTM(5, 1), [7, 2, 5]),
        "LSTM(10, 20, num_layers=2, bidirectional=True)": (nn.LSTM(10, 20, num_layers=2, bidirectional=True), [7, 2, 10]),
        "LSTM(10, 20, proj_size=5)": (nn.LSTM(10, 20, proj_size=5), [7, 2, 10]),
        "LSTM(8, 16, num_layers=2, batch_first=True, dropout=0.5)": (
            nn.LSTM(8, 16, num_layers=2, batch_first=True, dropout=0.5),
            [3, 7, 8],
        ),
        "GRU(5, 3)": (nn.GRU(5, 3), [7, 2, 5]),
        "GRU(10, 20, num_layers=3, bidirectional=True, bias=False)": (
            nn.GRU(10, 20, num_layers=3, bidirectional=True, bias=False),
            [7, 2, 10],
        ),
        "Sequential(Conv2d(1, 4, 3), BatchNorm2d(4), ReLU())": (
            nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU()),
            [2, 1, 8, 8],
        ),
        "Sequential(Flatten(), Linear(12, 4), Tanh(), Linear(4, 1))": (
            nn.Sequential(nn.Flatten(), nn.Linear(12, 4), nn.Tanh(), nn.Linear(4, 1)),
            [2, 3, 4],
        ),
        "ModuleList([Linear(2, 3), ReLU(), Linear(3, 1)])": (
            nn.ModuleList([nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)]),
            None,
        ),
        "ModuleList([shared, shared]) with shared = Linear(2, 2)": (nn.ModuleList([shared, shared]), None),
        "ModuleDict({'encoder': Linear(4, 2), 'act': Tanh()})": (
            nn.ModuleDict({"encoder": nn.Linear(4, 2), "act": nn.Tanh()}),
            None,
        ),
        "ModuleDict({'conv': Conv2d(3, 8, 1), 'bn': BatchNorm2d(8)})": (
            nn.ModuleDict({"conv": nn.Conv2d(3, 8, 1), "bn": nn.BatchNorm2d(8)}),
            None,
        ),
    }
    fixtures = {}
    for key, (module, shape) in layers.items():
        dtype = torch.float32
        if isinstance(shape, tuple):
            shape, dtype = shape
        fixtures[key] = describe_layer(module, shape, dtype)
    return fixtures


# ---------------------------------------------------------------------------------------------
# Models: torchvision's, a Transformer encoder and GPT-2 small, written as lib writes them.


class LeNet5(nn.Module):
    """LeNet-5 in today's usual form, the twin of lib/models/lenet.ts."""

    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2), nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2)
        )
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Linear(400, 120), nn.Tanh(), nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, num_classes)
        )

    def forward(self, x):
        return self.classifier(self.features(x))


class CausalSelfAttention(nn.Module):
    """GPT-2's attention as nanoGPT writes it (without its mask buffer), q, k and v in one Linear."""

    def __init__(self, n_embd, n_head, dropout):
        super().__init__()
        self.n_head = n_head
        self.c_attn = nn.Linear(n_embd, 3 * n_embd)
        self.c_proj = nn.Linear(n_embd, n_embd)
        self.attn_dropout = nn.Dropout(dropout)
        self.resid_dropout = nn.Dropout(dropout)

    def forward(self, x):
        batch, time, channels = x.size()
        q, k, v = self.c_attn(x).split(channels, dim=2)
        heads = [t.view(batch, time, self.n_head, channels // self.n_head).transpose(1, 2) for t in (q, k, v)]
        q, k, v = heads
        att = (q @ k.transpose(-2, -1)) / math.sqrt(k.size(-1))
        mask = torch.ones(time, time, dtype=torch.bool).tril()
        att = self.attn_dropout(att.masked_fill(~mask, float("-inf")).softmax(dim=-1))
        y = (att @ v).transpose(1, 2).contiguous().view(batch, time, channels)
        return self.resid_dropout(self.c_proj(y))


class MLP(nn.Module):
    def __init__(self, n_embd, dropout):
        super().__init__()
        self.c_fc = nn.Linear(n_embd, 4 * n_embd)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * n_embd, n_embd)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(self.gelu(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, n_embd, n_head, dropout):
        super().__init__()
        self.ln_1 = nn.LayerNorm(n_embd)
        self.attn = CausalSelfAttention(n_embd, n_head, dropout)
        self.ln_2 = nn.LayerNorm(n_embd)
        self.mlp = MLP(n_embd, dropout)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class GPT2(nn.Module):
    """GPT-2 as nanoGPT lays it out, output head tied to the token embedding."""

    def __init__(self, vocab_size=50257, block_size=1024, n_layer=12, n_head=12, n_embd=768, dropout=0.1):
        super().__init__()
        self.transformer = nn.ModuleDict(
            dict(
                wte=nn.Embedding(vocab_size, n_embd),
                wpe=nn.Embedding(block_size, n_embd),
                drop=nn.Dropout(dropout),
                h=nn.ModuleList([Block(n_embd, n_head, dropout) for _ in range(n_layer)]),
                ln_f=nn.LayerNorm(n_embd),
            )
        )
        self.lm_head = nn.Linear(n_embd, vocab_size, bias=False)
        self.transformer.wte.weight = self.lm_head.weight

    def forward(self, idx):
        t = self.transformer
        x = t.drop(t.wte(idx) + t.wpe(torch.arange(idx.size(1))))
        for block in t.h:
            x = block(x)
        return self.lm_head(t.ln_f(x))


def resnet18_first_30_frozen():
    """ResNet-18 with its first 30 parameter tensors frozen, as in torchinfo's frozen_layers test."""
    model = torchvision.models.resnet18()
    for index, parameter in enumerate(model.parameters()):
        parameter.requires_grad = index >= 30
    return model


def transformer_encoder():
    """The encoder of "Attention Is All You Need" (base): 6 layers, width 512, 8 heads, 2048 inside."""
    return nn.TransformerEncoder(nn.TransformerEncoderLayer(512, 8, 2048), 6)


# name: (builder, input shape, input dtype)
MODELS = {
    "lenet5": (LeNet5, [1, 1, 32, 32], torch.float32),
    "alexnet": (torchvision.models.alexnet, [1, 3, 224, 224], torch.float32),
    "vgg16": (torchvision.models.vgg16, [1, 3, 224, 224], torch.float32),
    "resnet18": (torchvision.models.resnet18, [1, 3, 224, 224], torch.float32),
    "resnet18FirstThirtyFrozen": (resnet18_first_30_frozen, [1, 3, 64, 64], torch.float32),
    "resnet50": (torchvision.models.resnet50, [1, 3, 224, 224], torch.float32),
    "mobilenetV2": (torchvision.models.mobilenet_v2, [1, 3, 224, 224], torch.float32),
    "transformerEncoder": (transformer_encoder, [10, 2, 512], torch.float32),
    "gpt2": (GPT2, [1, 64], torch.long),
}


def describe_model(model, input_shape, dtype):
    """Totals, the direct count of every module, parameter names and shapes, and the output shape."""
    state = model.state_dict()
    return {
        "bufferTotal": numel_sum(model.buffers()),
        "inputShape": input_shape,
        "modules": [
            [n, type(m).__name__, numel_sum(m.parameters(recurse=False)), numel_sum(m.buffers(recurse=False))]
            for n, m in model.named_modules()
        ],
        "outputShape": run_shape(model, input_shape, dtype),
        "parameters": [[n, list(p.shape)] for n, p in model.named_parameters()],
        "stateDictKeys": len(state),
        "stateDictNumel": numel_sum(state.values()),
        "total": count(model, trainable_only=False),
        "trainable": count(model, trainable_only=True),
    }


def model_fixtures():
    torch.manual_seed(0)
    return {name: describe_model(build(), shape, dtype) for name, (build, shape, dtype) in MODELS.items()}


# ---------------------------------------------------------------------------------------------
# Summaries: torchinfo's table, its rows taken from forward hooks on the real models.


def group(n):
    return f"{n:,}"


def scaled(n, is_bytes):
    """torchinfo's format_output_num: the largest unit that keeps n at 1 or more."""
    for unit, factor in (("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= factor:
            value = n / factor
            text = f"{int(value):,}" if value.is_integer() else f"{value:,.2f}"
            return f" ({unit}{'B' if is_bytes else ''}): {text}"
    return f": {n:,}"


def torchinfo_table(model, input_shape, depth=3):
    """torchinfo's default table (Output Shape, Param #) for float32 input of input_shape, by the
    rules of its current release (mult-adds of a Linear per output position, sizes in scaled units).

    Each module's pre-hook adds a row numbered within its depth and its hook records the output
    shape, so rows follow the order of the calls, exactly as torchinfo collects them.
    """
    depth_of = {m: (0 if n == "" else n.count(".") + 1) for n, m in model.named_modules()}
    rows, open_rows, per_depth = [], [], {}

    def pre_hook(module, _inputs):
        d = depth_of[module]
        per_depth[d] = per_depth.get(d, 0) + 1
        params = list(module.parameters())
        row = {
            "module": module,
            "title": type(module).__name__ if d == 0 else f"{type(module).__name__}: {d}-{per_depth[d]}",
            "depth": d,
            "params": numel_sum(params),
            "trainable": numel_sum(p for p in params if p.requires_grad),
            "leaf": not any(module.children()),
            "recursive": any(r["module"] is module for r in rows),
        }
        rows.append(row)
        open_rows.append(row)

    def hook(module, _inputs, output):
        row = open_rows.pop()
        row["output"] = list(first_tensor(output).shape)
        kind = type(module).__name__
        out = row["output"]
        macs = 0
        for name, p in module.named_parameters():
            if name in ("weight", "bias"):
                if "Conv" in kind:
                    positions = math.prod([out[0]] + out[2:])
                else:
                    positions = math.prod(out[:-1]) if "Linear" in kind else out[0]
                macs += p.numel() * positions
            elif "weight" in name or "bias" in name:
                macs += p.numel() * math.prod(row["output"][:2])
        row["macs"] = macs

    handles = [m.register_forward_pre_hook(pre_hook) for m in model.modules()]
    handles += [m.register_forward_hook(hook) for m in model.modules()]
    model.eval()
    with torch.no_grad():
        model(torch.randn(input_shape))
    for handle in handles:
        handle.remove()

    def leftover(index):
        row = rows[index]
        end = index + 1
        while end < len(rows) and rows[end]["depth"] > row["depth"]:
            end += 1
        below = [(i, r) for i, r in enumerate(rows[index + 1 : end], index + 1) if not r["recursive"]]
        return row["params"] - sum(r["params"] if r["leaf"] else leftover(i) for i, r in below)

    def param_cell(index):
        row = rows[index]
        if row["params"] == 0:
            return "--"
        if row["recursive"]:
            return "(recursive)"
        if row["leaf"] or row["depth"] == depth:
            return group(row["params"]) if row["trainable"] else f"({group(row['params'])})"
        rest = leftover(index)
        return group(rest) if rest > 0 else "--"

    def prefix(d):
        return "" if d == 0 else "├─" if d == 1 else "│    " * (d - 1) + "└─"

    shown = [i for i, r in enumerate(rows) if r["depth"] <= depth]
    longest = max(len(rows[i]["title"]) + rows[i]["depth"] * 5 + 1 for i in shown)
    name_width = math.ceil(longest / 5) * 5 if longest >= 40 else 40

    def line(*cells):
        name, *columns = cells
        return (f"{name:<{name_width}} " + "".join(f"{c:<25} " for c in columns)).rstrip()

    divider = "=" * (name_width + 50)
    total = count(model, trainable_only=False)
    trainable = count(model, trainable_only=True)
    macs = sum(r["macs"] for r in rows if r["leaf"])
    # sys.getsizeof of the input's storage, as torchinfo measures it: the data plus a header.
    data = torch.zeros(input_shape)
    input_bytes = sys.getsizeof(data.untyped_storage() if hasattr(data, "untyped_storage") else data.storage())
    output_bytes = sum(2 * math.prod(r["output"]) * 4 for r in rows if r["leaf"] and r["params"] > 0)
    param_bytes = total * 4
    lines = [
        divider,
        line("Layer (type:depth-idx)", "Output Shape", "Param #"),
        divider,
        *(line(prefix(rows[i]["depth"]) + rows[i]["title"], str(rows[i]["output"]), param_cell(i)) for i in shown),
        divider,
        f"Total params: {group(total)}",
        f"Trainable params: {group(trainable)}",
        f"Non-trainable params: {group(total - trainable)}",
        f"Total mult-adds{scaled(macs, False)}",
        divider,
        f"Input size{scaled(input_bytes, True)}",
        f"Forward/backward pass size{scaled(output_bytes, True)}",
        f"Params size{scaled(param_bytes, True)}",
        f"Estimated Total Size{scaled(input_bytes + output_bytes + param_bytes, True)}",
        divider,
    ]
    return "\n".join(lines)


def summary_fixtures():
    return {
        "simpleNN": {"inputShape": [1, 3], "table": torchinfo_table(SimpleNN(3, 5, 2), [1, 3])},
        "lenet5": {"inputShape": [1, 1, 32, 32], "table": torchinfo_table(LeNet5(), [1, 1, 32, 32])},
        "resnet18": {
            "inputShape": [1, 3, 224, 224],
            "table": torchinfo_table(torchvision.models.resnet18(), [1, 3, 224, 224]),
        },
        "resnet18FirstThirtyFrozen": {
            "inputShape": [1, 3, 64, 64],
            "table": torchinfo_table(resnet18_first_30_frozen(), [1, 3, 64, 64]),
        },
        "resnet18Depth1": {
            "depth": 1,
            "inputShape": [1, 3, 64, 64],
            "table": torchinfo_table(torchvision.models.resnet18(), [1, 3, 64, 64], depth=1),
        },
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
        "registeredAmongFields": {**describe(Registered()), "stateDict": list(Registered().state_dict())},
        "sharedInSequential": describe(nn.Sequential(shared, nn.ReLU(), shared)),
        "simpleNN": describe(SimpleNN(3, 5, 2)),
        "simpleNNByHiddenSize": [sweep_entry(h) for h in range(1, 129)],
        "simpleNNForward": forward_fixture(),
        "tiedWeight": describe(TiedLinears()),
        "torchVersion": torch.__version__,
    }
    write(OUTPUT, fixture)
    write(FIXTURES / "pytorch-layers.json", {"layers": layer_fixtures(), "torchVersion": torch.__version__})
    write(FIXTURES / "pytorch-models.json", {"models": model_fixtures(), "torchVersion": torch.__version__})
    write(FIXTURES / "pytorch-summary.json", {"summaries": summary_fixtures(), "torchVersion": torch.__version__})


def write(path, fixture):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_json(fixture) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
