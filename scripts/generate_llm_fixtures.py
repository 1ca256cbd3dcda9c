#!/usr/bin/env python3
"""Writes tests/fixtures/pytorch-llm.json: the parameter layouts of today's language models.

`transformers` is not packaged by Debian, so this script writes the module layouts of its
modeling code (src/transformers/models/<family>/modeling_<family>.py) in plain PyTorch: the same
module names, in the same order, with the same shapes. Everything is built on the `meta` device,
so Mixtral's 46.7 billion parameters take no memory. Each model is built from the values of its
real config.json, and its total is checked against the published count before anything is written.

tests/unit/lib-llm.test.ts builds the same configs with lib's modelFromConfig and compares every
parameter name and shape, and the totals.

    /usr/bin/python3 scripts/generate_llm_fixtures.py
"""

import json
from pathlib import Path

import torch
from torch import nn

OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pytorch-llm.json"
META = torch.device("meta")


def linear(n_in, n_out, bias):
    return nn.Linear(n_in, n_out, bias=bias, device=META)


class RMSNorm(nn.Module):
    """LlamaRMSNorm (and Mistral's, Qwen's, Mixtral's): one learned scale per feature."""

    def __init__(self, size):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size, device=META))


# --- Llama, Mistral, Qwen2, Qwen3, Mixtral: LlamaForCausalLM and its relatives ------------------


class Attention(nn.Module):
    """LlamaAttention / Qwen2Attention / Qwen3Attention: q, k, v and o projections."""

    def __init__(self, c):
        super().__init__()
        heads, kv_heads, head_dim, hidden = c["heads"], c["kv_heads"], c["head_dim"], c["hidden_size"]
        self.q_proj = linear(hidden, heads * head_dim, c["qkv_bias"])
        self.k_proj = linear(hidden, kv_heads * head_dim, c["qkv_bias"])
        self.v_proj = linear(hidden, kv_heads * head_dim, c["qkv_bias"])
        self.o_proj = linear(heads * head_dim, hidden, c["o_bias"])
        if c["qk_norm"]:
            self.q_norm = RMSNorm(head_dim)
            self.k_norm = RMSNorm(head_dim)


class MLP(nn.Module):
    """LlamaMLP: SwiGLU's gate, up and down projections."""

    def __init__(self, hidden, intermediate, bias):
        super().__init__()
        self.gate_proj = linear(hidden, intermediate, bias)
        self.up_proj = linear(hidden, intermediate, bias)
        self.down_proj = linear(intermediate, hidden, bias)
        self.act_fn = nn.SiLU()


class Expert(nn.Module):
    """MixtralBlockSparseTop2MLP: w1 (gate), w2 (down), w3 (up), declared in that order."""

    def __init__(self, hidden, intermediate):
        super().__init__()
        self.w1 = linear(hidden, intermediate, False)
        self.w2 = linear(intermediate, hidden, False)
        self.w3 = linear(hidden, intermediate, False)
        self.act_fn = nn.SiLU()


class SparseMoeBlock(nn.Module):
    """MixtralSparseMoeBlock: a router over the experts."""

    def __init__(self, hidden, intermediate, experts, top_k):
        super().__init__()
        self.top_k = top_k
        self.gate = linear(hidden, experts, False)
        self.experts = nn.ModuleList([Expert(hidden, intermediate) for _ in range(experts)])


class DecoderLayer(nn.Module):
    """LlamaDecoderLayer / MixtralDecoderLayer: attention, MLP or MoE, then the two norms."""

    def __init__(self, c):
        super().__init__()
        self.self_attn = Attention(c)
        if c["experts"]:
            self.block_sparse_moe = SparseMoeBlock(c["hidden_size"], c["intermediate_size"], *c["experts"])
        else:
            self.mlp = MLP(c["hidden_size"], c["intermediate_size"], c["mlp_bias"])
        self.input_layernorm = RMSNorm(c["hidden_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])


class DecoderModel(nn.Module):
    """LlamaModel: embeddings, layers, final norm (the rotary embedding has no parameters)."""

    def __init__(self, c):
        super().__init__()
        self.embed_tokens = nn.Embedding(c["vocab_size"], c["hidden_size"], device=META)
        self.layers = nn.ModuleList([DecoderLayer(c) for _ in range(c["layers"])])
        self.norm = RMSNorm(c["hidden_size"])


class CausalLM(nn.Module):
    """LlamaForCausalLM: the decoder and lm_head, tied to embed_tokens when the config says so."""

    def __init__(self, c):
        super().__init__()
        self.model = DecoderModel(c)
        self.lm_head = linear(c["hidden_size"], c["vocab_size"], False)
        if c["tie"]:
            self.lm_head.weight = self.model.embed_tokens.weight


# The switches each family's config class and modeling code fix (see modelFromConfig).
FAMILIES = {
    "llama": dict(qkv_bias="attention_bias", o_bias="attention_bias", mlp_bias=True, qk_norm=False, moe=False),
    "mistral": dict(qkv_bias=False, o_bias=False, mlp_bias=False, qk_norm=False, moe=False),
    "qwen2": dict(qkv_bias=True, o_bias=False, mlp_bias=False, qk_norm=False, moe=False),
    "qwen3": dict(qkv_bias="attention_bias", o_bias="attention_bias", mlp_bias=False, qk_norm=True, moe=False),
    "mixtral": dict(qkv_bias=False, o_bias=False, mlp_bias=False, qk_norm=False, moe=True),
}


def causal_lm(config):
    family = FAMILIES[config["model_type"]]
    flag = lambda setting: config.get("attention_bias", False) if setting == "attention_bias" else setting
    heads = config["num_attention_heads"]
    c = {
        "hidden_size": config["hidden_size"],
        "intermediate_size": config["intermediate_size"],
        "layers": config["num_hidden_layers"],
        "heads": heads,
        "kv_heads": config.get("num_key_value_heads") or heads,
        "head_dim": config.get("head_dim") or config["hidden_size"] // heads,
        "vocab_size": config["vocab_size"],
        "qkv_bias": flag(family["qkv_bias"]),
        "o_bias": flag(family["o_bias"]),
        "mlp_bias": family["mlp_bias"] and config.get("mlp_bias", False),
        "qk_norm": family["qk_norm"],
        "tie": config.get("tie_word_embeddings", False),
        "experts": (config["num_local_experts"], config["num_experts_per_tok"]) if family["moe"] else None,
    }
    return CausalLM(c)


# --- GPT-2: GPT2LMHeadModel ---------------------------------------------------------------------


class Conv1D(nn.Module):
    """transformers.pytorch_utils.Conv1D: a Linear with its weight stored [in, out]."""

    def __init__(self, nf, nx):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(nx, nf, device=META))
        self.bias = nn.Parameter(torch.empty(nf, device=META))


class GPT2Attention(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.c_attn = Conv1D(3 * n_embd, n_embd)
        self.c_proj = Conv1D(n_embd, n_embd)
        self.attn_dropout = nn.Dropout(0.1)
        self.resid_dropout = nn.Dropout(0.1)


class GPT2MLP(nn.Module):
    def __init__(self, n_embd, n_inner):
        super().__init__()
        self.c_fc = Conv1D(n_inner, n_embd)
        self.c_proj = Conv1D(n_embd, n_inner)
        self.act = nn.GELU(approximate="tanh")
        self.dropout = nn.Dropout(0.1)


class GPT2Block(nn.Module):
    def __init__(self, n_embd, n_inner):
        super().__init__()
        self.ln_1 = nn.LayerNorm(n_embd, device=META)
        self.attn = GPT2Attention(n_embd)
        self.ln_2 = nn.LayerNorm(n_embd, device=META)
        self.mlp = GPT2MLP(n_embd, n_inner)


class GPT2Model(nn.Module):
    def __init__(self, config):
        super().__init__()
        n_embd = config["n_embd"]
        n_inner = config.get("n_inner") or 4 * n_embd
        self.wte = nn.Embedding(config["vocab_size"], n_embd, device=META)
        self.wpe = nn.Embedding(config["n_positions"], n_embd, device=META)
        self.drop = nn.Dropout(0.1)
        self.h = nn.ModuleList([GPT2Block(n_embd, n_inner) for _ in range(config["n_layer"])])
        self.ln_f = nn.LayerNorm(n_embd, device=META)


class GPT2LMHeadModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.transformer = GPT2Model(config)
        self.lm_head = linear(config["n_embd"], config["vocab_size"], False)
        if config.get("tie_word_embeddings", True):
            self.lm_head.weight = self.transformer.wte.weight


# --- BERT: BertModel (encoder and pooler) -------------------------------------------------------


class Dense(nn.Module):
    """BertSelfOutput / BertOutput: dense, LayerNorm, dropout."""

    def __init__(self, n_in, hidden):
        super().__init__()
        self.dense = linear(n_in, hidden, True)
        self.LayerNorm = nn.LayerNorm(hidden, eps=1e-12, device=META)
        self.dropout = nn.Dropout(0.1)


class BertSelfAttention(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.query = linear(hidden, hidden, True)
        self.key = linear(hidden, hidden, True)
        self.value = linear(hidden, hidden, True)
        self.dropout = nn.Dropout(0.1)


class BertAttention(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.self = BertSelfAttention(hidden)
        self.output = Dense(hidden, hidden)


class BertIntermediate(nn.Module):
    def __init__(self, hidden, intermediate):
        super().__init__()
        self.dense = linear(hidden, intermediate, True)
        self.intermediate_act_fn = nn.GELU()


class BertLayer(nn.Module):
    def __init__(self, hidden, intermediate):
        super().__init__()
        self.attention = BertAttention(hidden)
        self.intermediate = BertIntermediate(hidden, intermediate)
        self.output = Dense(intermediate, hidden)


class BertEmbeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        hidden = config["hidden_size"]
        self.word_embeddings = nn.Embedding(config["vocab_size"], hidden, device=META)
        self.position_embeddings = nn.Embedding(config["max_position_embeddings"], hidden, device=META)
        self.token_type_embeddings = nn.Embedding(config["type_vocab_size"], hidden, device=META)
        self.LayerNorm = nn.LayerNorm(hidden, eps=1e-12, device=META)
        self.dropout = nn.Dropout(0.1)


class BertEncoder(nn.Module):
    def __init__(self, config):
        super().__init__()
        layers = [BertLayer(config["hidden_size"], config["intermediate_size"]) for _ in range(config["num_hidden_layers"])]
        self.layer = nn.ModuleList(layers)


class BertPooler(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.dense = linear(hidden, hidden, True)
        self.activation = nn.Tanh()


class BertModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.embeddings = BertEmbeddings(config)
        self.encoder = BertEncoder(config)
        self.pooler = BertPooler(config["hidden_size"])


# --- The configs: the size keys of each model's config.json on the Hugging Face Hub ------------

HUB = "https://huggingface.co/{}/blob/main/config.json"


def decoder(model_type, **sizes):
    return dict(model_type=model_type, **sizes)


def gpt2(n_embd, n_layer, n_head):
    return dict(model_type="gpt2", vocab_size=50257, n_positions=1024, n_embd=n_embd, n_layer=n_layer, n_head=n_head)


LLAMA_7B = dict(hidden_size=4096, num_attention_heads=32, num_hidden_layers=32, rms_norm_eps=1e-05)

# name: (hub repo, config, published total, published active, where the published figure is from)
MODELS = {
    "Llama-2-7B": (
        "meta-llama/Llama-2-7b-hf",
        decoder("llama", **LLAMA_7B, intermediate_size=11008, num_key_value_heads=32, vocab_size=32000, tie_word_embeddings=False),
        6_738_415_616, None, "exact: model.num_parameters() of LlamaForCausalLM, as the issue states it",
    ),
    "Llama-3-8B": (
        "meta-llama/Meta-Llama-3-8B",
        decoder("llama", **LLAMA_7B, intermediate_size=14336, num_key_value_heads=8, vocab_size=128256,
                tie_word_embeddings=False, rope_theta=500000.0),
        8_030_261_248, None, "exact: model.num_parameters() of LlamaForCausalLM, as the issue states it",
    ),
    "Mistral-7B-v0.1": (
        "mistralai/Mistral-7B-v0.1",
        decoder("mistral", **LLAMA_7B, intermediate_size=14336, num_key_value_heads=8, vocab_size=32000,
                tie_word_embeddings=False, sliding_window=4096),
        7_241_732_096, None, "exact: model.num_parameters() of MistralForCausalLM, as the issue states it",
    ),
    "Mixtral-8x7B-v0.1": (
        "mistralai/Mixtral-8x7B-v0.1",
        decoder("mixtral", **LLAMA_7B, intermediate_size=14336, num_key_value_heads=8, vocab_size=32000,
                tie_word_embeddings=False, num_local_experts=8, num_experts_per_tok=2),
        "46.7B", "12.9B", "rounded: Mistral AI, 'Mixtral of experts' (2023): 46.7B total, 12.9B per token",
    ),
    "Qwen2.5-0.5B": (
        "Qwen/Qwen2.5-0.5B",
        decoder("qwen2", hidden_size=896, intermediate_size=4864, num_hidden_layers=24, num_attention_heads=14,
                num_key_value_heads=2, vocab_size=151936, tie_word_embeddings=True),
        "0.49B", None, "rounded: the Qwen2.5-0.5B model card, 0.49B",
    ),
    "Qwen2.5-7B": (
        "Qwen/Qwen2.5-7B",
        decoder("qwen2", hidden_size=3584, intermediate_size=18944, num_hidden_layers=28, num_attention_heads=28,
                num_key_value_heads=4, vocab_size=152064, tie_word_embeddings=False),
        "7.61B", None, "rounded: the Qwen2.5-7B model card, 7.61B",
    ),
    "Qwen3-0.6B": (
        "Qwen/Qwen3-0.6B",
        decoder("qwen3", hidden_size=1024, intermediate_size=3072, num_hidden_layers=28, num_attention_heads=16,
                num_key_value_heads=8, head_dim=128, vocab_size=151936, tie_word_embeddings=True, attention_bias=False),
        "0.6B", None, "rounded: the Qwen3-0.6B model card, 0.6B",
    ),
    "GPT-2 small": ("openai-community/gpt2", gpt2(768, 12, 12), 124_439_808, None, "exact: lesson 5's GPT-2 small, from real PyTorch"),
    "GPT-2 medium": ("openai-community/gpt2-medium", gpt2(1024, 24, 16), 354_823_168, None, "exact, as the issue states it"),
    "GPT-2 large": ("openai-community/gpt2-large", gpt2(1280, 36, 20), "774M", None, "rounded: 774M, Hugging Face's model card for gpt2-large"),
    "GPT-2 XL": ("openai-community/gpt2-xl", gpt2(1600, 48, 25), "1558M", None, "rounded: 1558M, the name of OpenAI's checkpoint (released as the 1.5B model)"),
    "BERT-base": (
        "google-bert/bert-base-uncased",
        dict(model_type="bert", vocab_size=30522, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
             intermediate_size=3072, max_position_embeddings=512, type_vocab_size=2),
        "110M", None, "rounded: Devlin et al., 2019, BERT-base 110M",
    ),
}

# Small configs that switch on what the real ones leave off: biases, an explicit head_dim, tying.
EXTRA = {
    "llama with attention_bias, mlp_bias and head_dim": decoder(
        "llama", hidden_size=64, intermediate_size=96, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, head_dim=24, vocab_size=100, attention_bias=True, mlp_bias=True, tie_word_embeddings=True),
    "gpt2 with n_inner and an untied head": dict(
        model_type="gpt2", vocab_size=100, n_positions=16, n_embd=32, n_layer=2, n_head=4, n_inner=48, tie_word_embeddings=False),
    "qwen3 with attention_bias": decoder(
        "qwen3", hidden_size=32, intermediate_size=48, num_hidden_layers=1, num_attention_heads=4,
        num_key_value_heads=1, head_dim=16, vocab_size=50, attention_bias=True),
}


def build(config):
    if config["model_type"] == "gpt2":
        return GPT2LMHeadModel(config)
    if config["model_type"] == "bert":
        return BertModel(config)
    return causal_lm(config)


def active(model):
    """Parameters a token passes through: all but the experts it is not routed to."""
    skipped = 0
    for module in model.modules():
        if isinstance(module, SparseMoeBlock):
            per_expert = sum(p.numel() for p in module.experts[0].parameters())
            skipped += (len(module.experts) - module.top_k) * per_expert
    return sum(p.numel() for p in model.parameters()) - skipped


def matches_published(exact, published):
    """An exact figure (int) must be equal; a rounded one ("7.61B", "1.03T") within one unit of its last digit."""
    if isinstance(published, int):
        return exact == published
    number, unit = published[:-1], {"M": 1e6, "B": 1e9, "T": 1e12}[published[-1]]
    decimals = len(number.split(".")[1]) if "." in number else 0
    return abs(exact - float(number) * unit) <= unit / 10**decimals


def record(model, config):
    return {
        "config": config,
        "parameters": [[name, list(p.shape)] for name, p in model.named_parameters()],
        "stateDictKeys": len(model.state_dict()),
        "total": sum(p.numel() for p in model.parameters()),
        "active": active(model),
    }


def main():
    models = {}
    for name, (repo, config, published, published_active, source) in MODELS.items():
        model = build(config)
        entry = record(model, config)
        for what, exact, figure in (("total", entry["total"], published), ("active", entry["active"], published_active)):
            if figure is not None and not matches_published(exact, figure):
                raise SystemExit(f"{name}: {what} {exact:,} does not match the published {figure} ({source})")
        models[name] = {**entry, "configSource": HUB.format(repo), "published": published, "publishedSource": source}
    extra = {name: record(build(config), config) for name, config in EXTRA.items()}
    OUTPUT.write_text(json.dumps({"models": models, "extra": extra}, indent=1, sort_keys=True) + "\n")
    for name, entry in models.items():
        print(f"{name:20} {entry['total']:>16,} active {entry['active']:>16,}")


if __name__ == "__main__":
    main()
