#!/usr/bin/env python3
"""Writes tests/fixtures/pytorch-llm-2026.json: the parameter layouts of the 2026 families.

Like generate_llm_fixtures.py (whose helpers it shares), this writes the module layouts of
transformers' modeling code in plain PyTorch on the `meta` device: the same module names, in the
same order, with the same shapes, built from the size keys of each checkpoint's real config.json
(copied below from shared/reference/configs-2026 beside the repository, so the script runs from it
alone). Every total is checked against its published figure before anything is written.

Mirrored: huggingface/transformers' modeling_<family>.py and configuration_<family>.py, read at
these commits: deepseek_v3 00b676f8 (one module per expert, as in the v4.5x
releases), deepseek_v2 0233e509, qwen3_next 01cdc608, glm4_moe and llama4 000c33fd, gpt_oss 00d4b3d2.
The newer of these stack the experts of DeepSeek-V2, GLM-4.5 and Qwen3-Next in memory
(`mlp.experts.gate_up_proj` [E, 2I, H]) and convert the checkpoints' names on load; the fixture
follows the checkpoints' own names, the per-expert ones of the v4.5x module trees
(`model.layers.3.mlp.experts.17.gate_proj.weight`), as it does for Qwen3-MoE. gpt-oss and Llama 4
stack their experts in both the code and the checkpoints.

`e_score_correction_bias` (DeepSeek-V3, GLM-4.5) is a buffer in transformers and a parameter in
DeepSeek's own inference code: the fixture follows transformers, so it is not in "total" and is
listed under "buffers" (the checkpoints carry it, so the Hub's safetensors totals include it).

    /usr/bin/python3 scripts/generate_llm_2026_fixtures.py
"""

import json
import math
import re
import sys
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_llm_fixtures import META, RMSNorm, linear, matches_published  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "tests" / "fixtures" / "pytorch-llm-2026.json"
REFERENCE_CONFIGS = REPO.parent / "shared" / "reference" / "configs-2026"


class Empty(nn.Module):
    """A module that only holds named children (model, self_attn, shared_head …)."""


class GatedMLP(nn.Module):
    """LlamaMLP and its twins (DeepseekV3MLP, Qwen3MoeMLP, Gemma2MLP, Olmo2MLP, Glm4MoeMLP,
    Qwen3NextMLP, Llama4TextMLP): gate, up and down projections."""

    def __init__(self, hidden, intermediate, bias=False):
        super().__init__()
        self.gate_proj = linear(hidden, intermediate, bias)
        self.up_proj = linear(hidden, intermediate, bias)
        self.down_proj = linear(intermediate, hidden, bias)


class ExpertList(nn.ModuleList):
    """nn.ModuleList of GatedMLP experts, as the checkpoints name them (experts.<e>.gate_proj…).
    `top_k` is how many of them one token passes through."""

    def __init__(self, count, hidden, intermediate, top_k, bias=False):
        super().__init__([GatedMLP(hidden, intermediate, bias) for _ in range(count)])
        self.top_k = top_k

    def inactive(self):
        per_expert = sum(p.numel() for p in self[0].parameters())
        return (len(self) - self.top_k) * per_expert


class StackedExperts(nn.Module):
    """Experts stored as [E, …] tensors (GptOssExperts, Llama4TextExperts)."""

    def __init__(self, shapes, top_k):
        super().__init__()
        for name, shape in shapes:
            setattr(self, name, nn.Parameter(torch.empty(*shape, device=META)))
        self.count = shapes[0][1][0]
        self.top_k = top_k

    def inactive(self):
        total = sum(p.numel() for p in self.parameters())
        return total // self.count * (self.count - self.top_k)


class CausalLM(nn.Module):
    """<Family>ForCausalLM: model (embed_tokens, layers, norm; the rotary embedding has no parameters)
    and lm_head, tied to embed_tokens when the config says so. `layer(i)` builds decoder layer i."""

    def __init__(self, vocab, hidden, layers, layer, tie):
        super().__init__()
        self.model = Empty()
        self.model.embed_tokens = nn.Embedding(vocab, hidden, device=META)
        self.model.layers = nn.ModuleList([layer(i) for i in range(layers)])
        self.model.norm = RMSNorm(hidden)
        self.lm_head = linear(hidden, vocab, False)
        if tie:
            self.lm_head.weight = self.model.embed_tokens.weight


def head_dim(c):
    return c.get("head_dim") or c["hidden_size"] // c["num_attention_heads"]


def kv(c):
    return c.get("num_key_value_heads") or c["num_attention_heads"]


class Attention(nn.Module):
    """LlamaAttention's q, k, v, o projections, with the switches the families below set:
    qkv/o biases, per-head q/k norms (Qwen3, Gemma 3, GLM-4.5), full-width q/k norms (OLMo 2),
    a gated query twice as wide (Qwen3-Next), attention sinks (gpt-oss)."""

    def __init__(self, c, qkv_bias=False, o_bias=False, qk_norm=None, q_gate=False, sinks=False):
        super().__init__()
        hidden, heads, kv_heads, dim = c["hidden_size"], c["num_attention_heads"], kv(c), head_dim(c)
        self.q_proj = linear(hidden, heads * dim * (2 if q_gate else 1), qkv_bias)
        self.k_proj = linear(hidden, kv_heads * dim, qkv_bias)
        self.v_proj = linear(hidden, kv_heads * dim, qkv_bias)
        self.o_proj = linear(heads * dim, hidden, o_bias)
        if qk_norm == "head":
            self.q_norm = RMSNorm(dim)
            self.k_norm = RMSNorm(dim)
        elif qk_norm == "full":
            self.q_norm = RMSNorm(heads * dim)
            self.k_norm = RMSNorm(kv_heads * dim)
        if sinks:
            self.sinks = nn.Parameter(torch.empty(heads, device=META))


def moe_index(c, i):
    """Qwen3Moe/Qwen3Next: a layer is sparse unless listed in mlp_only_layers, every decoder_sparse_step."""
    return i not in c.get("mlp_only_layers", []) and c["num_experts"] > 0 and (i + 1) % c.get("decoder_sparse_step", 1) == 0


# --- DeepSeek-V3 / R1 / Kimi K2 and DeepSeek-V2: multi-head latent attention ------------------


class MLAttention(nn.Module):
    """DeepseekV3Attention / DeepseekV2Attention: q through a low-rank q_a/q_b pair (or one q_proj when
    q_lora_rank is null), keys and values through a shared compressed kv_a and its expansion kv_b."""

    def __init__(self, c):
        super().__init__()
        hidden, heads, bias = c["hidden_size"], c["num_attention_heads"], c.get("attention_bias", False)
        qk_head = c["qk_nope_head_dim"] + c["qk_rope_head_dim"]
        q_lora_rank = c.get("q_lora_rank", 1536)  # the default of both configs; null means no q LoRA
        if q_lora_rank is None:
            self.q_proj = linear(hidden, heads * qk_head, False)
        else:
            self.q_a_proj = linear(hidden, q_lora_rank, bias)
            self.q_a_layernorm = RMSNorm(q_lora_rank)
            self.q_b_proj = linear(q_lora_rank, heads * qk_head, False)
        self.kv_a_proj_with_mqa = linear(hidden, c["kv_lora_rank"] + c["qk_rope_head_dim"], bias)
        self.kv_a_layernorm = RMSNorm(c["kv_lora_rank"])
        self.kv_b_proj = linear(c["kv_lora_rank"], heads * (c["qk_nope_head_dim"] + c["v_head_dim"]), False)
        self.o_proj = linear(heads * c["v_head_dim"], hidden, bias)


class TopkRouter(nn.Module):
    """DeepseekV3TopkRouter / Glm4MoeTopkRouter: a weight [experts, hidden] and the buffer
    e_score_correction_bias [experts] (a parameter in DeepSeek's own inference/model.py)."""

    def __init__(self, experts, hidden):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(experts, hidden, device=META))
        self.register_buffer("e_score_correction_bias", torch.zeros(experts, device=META))


class DeepseekMoE(nn.Module):
    """DeepseekV3MoE / DeepseekV2MoE / Glm4MoeMoE (v4.5x): experts, gate, shared_experts, in that order.
    V3 and GLM route with a TopkRouter; V2's gate is a plain nn.Linear without bias, and V2's
    experts are DeepseekV2MLPs, with biases when mlp_bias."""

    def __init__(self, c, v2=False):
        super().__init__()
        hidden, inter, bias = c["hidden_size"], c["moe_intermediate_size"], v2 and c.get("mlp_bias", False)
        self.experts = ExpertList(c["n_routed_experts"], hidden, inter, c["num_experts_per_tok"], bias)
        self.gate = linear(hidden, c["n_routed_experts"], False) if v2 else TopkRouter(c["n_routed_experts"], hidden)
        shared = c.get("n_shared_experts", 2 if v2 else 1)  # the configs' defaults
        if shared is not None:
            self.shared_experts = GatedMLP(hidden, inter * shared, bias)


class DeepseekDecoderLayer(nn.Module):
    """DeepseekV3DecoderLayer / DeepseekV2DecoderLayer: MLA, then a dense MLP in the first
    first_k_dense_replace layers and the MoE after."""

    def __init__(self, c, i, v2=False):
        super().__init__()
        self.self_attn = MLAttention(c)
        if i >= c.get("first_k_dense_replace", 0 if v2 else 3):
            self.mlp = DeepseekMoE(c, v2)
        else:
            self.mlp = GatedMLP(c["hidden_size"], c["intermediate_size"], v2 and c.get("mlp_bias", False))
        self.input_layernorm = RMSNorm(c["hidden_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])


def deepseek_v3(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: DeepseekDecoderLayer(c, i), c.get("tie_word_embeddings", False))


def deepseek_v2(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: DeepseekDecoderLayer(c, i, v2=True), c.get("tie_word_embeddings", False))


class NextNLayer(nn.Module):
    """The multi-token-prediction layer a DeepSeek-V3 or GLM-4.5 checkpoint stores as
    model.layers.<num_hidden_layers>.* and transformers skips on load (DeepSeek-V3's
    inference/model.py and README_WEIGHTS.md): its own embed_tokens, enorm, hnorm, eh_proj
    [hidden, 2·hidden], a full MoE decoder layer, and shared_head (norm, head)."""

    def __init__(self, c, decoder_layer, embed=True, head=True):
        super().__init__()
        hidden = c["hidden_size"]
        if embed:
            self.embed_tokens = nn.Embedding(c["vocab_size"], hidden, device=META)
        self.enorm = RMSNorm(hidden)
        self.hnorm = RMSNorm(hidden)
        self.eh_proj = linear(2 * hidden, hidden, False)
        for name, module in decoder_layer.named_children():
            setattr(self, name, module)
        self.shared_head = Empty()
        self.shared_head.norm = RMSNorm(hidden)
        if head:
            self.shared_head.head = linear(hidden, c["vocab_size"], False)


def mxfp4_storage(c):
    """How a gpt-oss checkpoint stores each layer's expert matrices in MXFP4 (U8): per expert and
    output row, the inputs in blocks of 32 four-bit values, 16 bytes a block and one scale a block.
    Transformers dequantises each pair into the [E, in, out] tensor named without the suffix."""
    experts, hidden, inter = c["num_local_experts"], c["hidden_size"], c["intermediate_size"]
    return {
        "gate_up_proj": [["gate_up_proj_blocks", [experts, 2 * inter, hidden // 32, 16]],
                         ["gate_up_proj_scales", [experts, 2 * inter, hidden // 32]]],
        "down_proj": [["down_proj_blocks", [experts, hidden, inter // 32, 16]],
                      ["down_proj_scales", [experts, hidden, inter // 32]]],
    }


def fp8_quantised(name, shape):
    """DeepSeek-V3's and Kimi K2's FP8 checkpoints (quantization_config: fp8, weight_block_size
    [128, 128]) store in F8_E4M3 every Linear weight of a decoder layer's self_attn and mlp except
    the router (mlp.gate); the MTP layer's eh_proj, embeddings, norms and heads stay in BF16."""
    return len(shape) == 2 and (".self_attn." in name or ".mlp." in name) and not name.endswith(".mlp.gate.weight")


def fp8_scales(shape):
    """Each F8 weight [out, in] comes with a weight_scale_inv [ceil(out/128), ceil(in/128)] in F32."""
    return math.ceil(shape[0] / 128) * math.ceil(shape[1] / 128)


# --- Qwen3-MoE -----------------------------------------------------------------------------------


class Qwen3MoeSparseMoeBlock(nn.Module):
    """Qwen3MoeSparseMoeBlock (v4.5x): gate (nn.Linear, no bias), then the experts."""

    def __init__(self, c):
        super().__init__()
        self.gate = linear(c["hidden_size"], c["num_experts"], False)
        self.experts = ExpertList(c["num_experts"], c["hidden_size"], c["moe_intermediate_size"], c["num_experts_per_tok"])


class Qwen3MoeDecoderLayer(nn.Module):
    """Qwen3MoeDecoderLayer: Qwen3MoeAttention (per-head q_norm, k_norm), then MoE or Qwen3MoeMLP."""

    def __init__(self, c, i):
        super().__init__()
        bias = c.get("attention_bias", False)
        self.self_attn = Attention(c, qkv_bias=bias, o_bias=bias, qk_norm="head")
        if moe_index(c, i):
            self.mlp = Qwen3MoeSparseMoeBlock(c)
        else:
            self.mlp = GatedMLP(c["hidden_size"], c["intermediate_size"])
        self.input_layernorm = RMSNorm(c["hidden_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])


def qwen3_moe(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: Qwen3MoeDecoderLayer(c, i), c.get("tie_word_embeddings", False))


# --- gpt-oss -------------------------------------------------------------------------------------


class GptOssMLP(nn.Module):
    """GptOssMLP: GptOssTopKRouter (weight and bias), then GptOssExperts, stacked with biases.
    The Hub checkpoint stores gate_up_proj and down_proj in MXFP4 as *_blocks and *_scales;
    transformers dequantises them into these [E, …] tensors."""

    def __init__(self, c):
        super().__init__()
        experts, hidden, inter = c["num_local_experts"], c["hidden_size"], c["intermediate_size"]
        self.router = Empty()
        self.router.weight = nn.Parameter(torch.empty(experts, hidden, device=META))
        self.router.bias = nn.Parameter(torch.empty(experts, device=META))
        self.experts = StackedExperts([
            ("gate_up_proj", (experts, hidden, 2 * inter)),
            ("gate_up_proj_bias", (experts, 2 * inter)),
            ("down_proj", (experts, inter, hidden)),
            ("down_proj_bias", (experts, hidden)),
        ], c["num_experts_per_tok"])


class GptOssDecoderLayer(nn.Module):
    """GptOssDecoderLayer: GptOssAttention (biases on q, k, v, o; one sink per head), the MoE, two norms."""

    def __init__(self, c, i):
        super().__init__()
        bias = c.get("attention_bias", True)
        self.self_attn = Attention(c, qkv_bias=bias, o_bias=bias, sinks=True)
        self.mlp = GptOssMLP(c)
        self.input_layernorm = RMSNorm(c["hidden_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])


def gpt_oss(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: GptOssDecoderLayer(c, i), c.get("tie_word_embeddings", False))


# --- Gemma 2 and Gemma 3 (text) ------------------------------------------------------------------


class GemmaDecoderLayer(nn.Module):
    """Gemma2DecoderLayer / Gemma3DecoderLayer: attention (q_norm, k_norm per head in Gemma 3), MLP,
    and four norms: input, post-attention, pre-feedforward, post-feedforward. Sliding and full
    layers have the same parameters."""

    def __init__(self, c, qk_norm):
        super().__init__()
        bias = c.get("attention_bias", False)
        self.self_attn = Attention(c, qkv_bias=bias, o_bias=bias, qk_norm="head" if qk_norm else None)
        self.mlp = GatedMLP(c["hidden_size"], c["intermediate_size"])
        for norm in ("input_layernorm", "post_attention_layernorm", "pre_feedforward_layernorm", "post_feedforward_layernorm"):
            setattr(self, norm, RMSNorm(c["hidden_size"]))


def gemma(c, qk_norm):
    """Gemma2ForCausalLM / Gemma3ForCausalLM: tie_word_embeddings defaults to True in both configs."""
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: GemmaDecoderLayer(c, qk_norm), c.get("tie_word_embeddings", True))


def gemma_layer_types(c):
    """Gemma2Config: sliding on even layers; Gemma3TextConfig: full every sliding_window_pattern-th layer."""
    if c.get("layer_types"):
        return c["layer_types"]
    n = c["num_hidden_layers"]
    if c["model_type"] == "gemma2":
        return ["sliding_attention" if (i + 1) % 2 else "full_attention" for i in range(n)]
    step = c.get("sliding_window_pattern", 6)
    return ["sliding_attention" if (i + 1) % step else "full_attention" for i in range(n)]


# --- Phi-3 and Phi-4 -----------------------------------------------------------------------------


class Phi3DecoderLayer(nn.Module):
    """Phi3DecoderLayer: Phi3Attention (o_proj, then a fused qkv_proj), Phi3MLP (fused gate_up_proj,
    down_proj), two norms."""

    def __init__(self, c):
        super().__init__()
        hidden, heads, kv_heads, dim, inter = c["hidden_size"], c["num_attention_heads"], kv(c), head_dim(c), c["intermediate_size"]
        self.self_attn = Empty()
        self.self_attn.o_proj = linear(heads * dim, hidden, False)
        self.self_attn.qkv_proj = linear(hidden, (heads + 2 * kv_heads) * dim, False)
        self.mlp = Empty()
        self.mlp.gate_up_proj = linear(hidden, 2 * inter, False)
        self.mlp.down_proj = linear(inter, hidden, False)
        self.input_layernorm = RMSNorm(hidden)
        self.post_attention_layernorm = RMSNorm(hidden)


def phi3(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: Phi3DecoderLayer(c), c.get("tie_word_embeddings", False))


# --- Llama 4 (text) ------------------------------------------------------------------------------


class Llama4TextMoe(nn.Module):
    """Llama4TextMoe: Llama4TextExperts (stacked, no biases), Llama4Router (nn.Linear, no bias),
    and a shared expert of intermediate_size."""

    def __init__(self, c):
        super().__init__()
        experts, hidden, inter = c["num_local_experts"], c["hidden_size"], c["intermediate_size"]
        self.experts = StackedExperts([
            ("gate_up_proj", (experts, hidden, 2 * inter)),
            ("down_proj", (experts, inter, hidden)),
        ], c["num_experts_per_tok"])
        self.router = linear(hidden, experts, False)
        self.shared_expert = GatedMLP(hidden, inter)


class Llama4TextDecoderLayer(nn.Module):
    """Llama4TextDecoderLayer: attention (its qk_norm is an L2 norm without weights), feed_forward
    (the MoE on moe_layers, else a Llama4TextMLP of intermediate_size_mlp), two norms."""

    def __init__(self, c, i):
        super().__init__()
        bias = c.get("attention_bias", False)
        self.self_attn = Attention(c, qkv_bias=bias, o_bias=bias)
        if i in llama4_moe_layers(c):
            self.feed_forward = Llama4TextMoe(c)
        else:
            self.feed_forward = GatedMLP(c["hidden_size"], c["intermediate_size_mlp"])
        self.input_layernorm = RMSNorm(c["hidden_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])


def llama4_moe_layers(c):
    """Llama4TextConfig: moe_layers defaults to every interleave_moe_layer_step-th layer."""
    if c.get("moe_layers") is not None:
        return c["moe_layers"]
    step = c.get("interleave_moe_layer_step", 1)
    return list(range(step - 1, c["num_hidden_layers"], step))


class Llama4VisionTower(nn.Module):
    """What Llama4ForConditionalGeneration adds to the text model (whose names it prefixes with
    language_model.): vision_model, a Llama4VisionModel (class and positional embeddings, an
    unfolded patch embedding, LayerNorms before and after, an encoder of LayerNorm, biased attention
    and biased MLP layers, the pixel-shuffle adapter), and multi_modal_projector."""

    def __init__(self, v, text_hidden):
        super().__init__()
        hidden, inter = v["hidden_size"], v["intermediate_size"]
        tower = self.vision_model = Empty()
        tower.class_embedding = nn.Parameter(torch.empty(hidden, device=META))
        tower.positional_embedding_vlm = nn.Parameter(torch.empty((v["image_size"] // v["patch_size"]) ** 2 + 1, hidden, device=META))
        tower.patch_embedding = Empty()
        tower.patch_embedding.linear = linear(v["num_channels"] * v["patch_size"] ** 2, hidden, False)
        tower.layernorm_pre = nn.LayerNorm(hidden, device=META)
        tower.layernorm_post = nn.LayerNorm(hidden, device=META)
        tower.model = Empty()
        tower.model.layers = nn.ModuleList([self.encoder_layer(hidden, inter) for _ in range(v["num_hidden_layers"])])
        tower.vision_adapter = Empty()
        tower.vision_adapter.mlp = Empty()
        tower.vision_adapter.mlp.fc1 = linear(int(hidden / v["pixel_shuffle_ratio"] ** 2), v["projector_input_dim"], False)
        tower.vision_adapter.mlp.fc2 = linear(v["projector_output_dim"], v["projector_output_dim"], False)
        self.multi_modal_projector = Empty()
        self.multi_modal_projector.linear_1 = linear(v["vision_output_dim"], text_hidden, False)

    @staticmethod
    def encoder_layer(hidden, inter):
        """Llama4VisionEncoderLayer."""
        layer = Empty()
        layer.self_attn = Empty()
        for name in ("q_proj", "k_proj", "v_proj", "o_proj"):
            setattr(layer.self_attn, name, linear(hidden, hidden, True))
        layer.mlp = Empty()
        layer.mlp.fc1 = linear(hidden, inter, True)
        layer.mlp.fc2 = linear(inter, hidden, True)
        layer.input_layernorm = nn.LayerNorm(hidden, device=META)
        layer.post_attention_layernorm = nn.LayerNorm(hidden, device=META)
        return layer


def llama4_text(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: Llama4TextDecoderLayer(c, i), c.get("tie_word_embeddings", False))


# --- GLM-4.5 -------------------------------------------------------------------------------------


class Glm4MoeDecoderLayer(nn.Module):
    """Glm4MoeDecoderLayer: Glm4MoeAttention (biases on q, k, v when attention_bias, never on o;
    per-head q/k norms when use_qk_norm), a dense MLP in the first first_k_dense_replace layers,
    Glm4MoeMoE (as DeepSeek-V3's) after."""

    def __init__(self, c, i):
        super().__init__()
        qk_norm = "head" if c.get("use_qk_norm", False) else None
        self.self_attn = Attention(c, qkv_bias=c.get("attention_bias", False), qk_norm=qk_norm)
        if i >= c.get("first_k_dense_replace", 1):
            self.mlp = DeepseekMoE(c)
        else:
            self.mlp = GatedMLP(c["hidden_size"], c["intermediate_size"])
        self.input_layernorm = RMSNorm(c["hidden_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])


def glm4_moe(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: Glm4MoeDecoderLayer(c, i), c.get("tie_word_embeddings", False))


# --- OLMo 2 --------------------------------------------------------------------------------------


class Olmo2DecoderLayer(nn.Module):
    """Olmo2DecoderLayer: attention with q_norm and k_norm over the full projected width, the MLP,
    and norms after attention and after the MLP (no input norm)."""

    def __init__(self, c):
        super().__init__()
        bias = c.get("attention_bias", False)
        self.self_attn = Attention(c, qkv_bias=bias, o_bias=bias, qk_norm="full")
        self.mlp = GatedMLP(c["hidden_size"], c["intermediate_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])
        self.post_feedforward_layernorm = RMSNorm(c["hidden_size"])


def olmo2(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: Olmo2DecoderLayer(c), c.get("tie_word_embeddings", False))


# --- Qwen3-Next ----------------------------------------------------------------------------------


class Qwen3NextGatedDeltaNet(nn.Module):
    """Qwen3NextGatedDeltaNet: a depthwise conv1d over q, k, v (no bias), in_proj_qkvz and in_proj_ba,
    dt_bias and A_log per value head, a gated RMSNorm over one value head, out_proj."""

    def __init__(self, c):
        super().__init__()
        hidden, v_heads = c["hidden_size"], c["linear_num_value_heads"]
        key_dim = c["linear_key_head_dim"] * c["linear_num_key_heads"]
        value_dim = c["linear_value_head_dim"] * v_heads
        conv_dim = 2 * key_dim + value_dim
        self.conv1d = nn.Conv1d(conv_dim, conv_dim, c["linear_conv_kernel_dim"], groups=conv_dim, bias=False, device=META)
        self.in_proj_qkvz = linear(hidden, 2 * key_dim + 2 * value_dim, False)
        self.in_proj_ba = linear(hidden, 2 * v_heads, False)
        self.dt_bias = nn.Parameter(torch.ones(v_heads, device=META))
        self.A_log = nn.Parameter(torch.empty(v_heads, device=META))
        self.norm = RMSNorm(c["linear_value_head_dim"])
        self.out_proj = linear(value_dim, hidden, False)


class Qwen3NextSparseMoeBlock(nn.Module):
    """Qwen3NextSparseMoeBlock (v4.57): gate, experts, shared_expert, shared_expert_gate [1, hidden]."""

    def __init__(self, c):
        super().__init__()
        hidden = c["hidden_size"]
        self.gate = linear(hidden, c["num_experts"], False)
        self.experts = ExpertList(c["num_experts"], hidden, c["moe_intermediate_size"], c["num_experts_per_tok"])
        self.shared_expert = GatedMLP(hidden, c["shared_expert_intermediate_size"])
        self.shared_expert_gate = linear(hidden, 1, False)


class Qwen3NextDecoderLayer(nn.Module):
    """Qwen3NextDecoderLayer: linear_attn (gated DeltaNet) or self_attn (gated full attention with
    per-head q/k norms), then the MoE or a dense MLP, two norms."""

    def __init__(self, c, i):
        super().__init__()
        if qwen3_next_layer_types(c)[i] == "linear_attention":
            self.linear_attn = Qwen3NextGatedDeltaNet(c)
        else:
            bias = c.get("attention_bias", False)
            self.self_attn = Attention(c, qkv_bias=bias, o_bias=bias, qk_norm="head", q_gate=True)
        self.mlp = Qwen3NextSparseMoeBlock(c) if moe_index(c, i) else GatedMLP(c["hidden_size"], c["intermediate_size"])
        self.input_layernorm = RMSNorm(c["hidden_size"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"])


def qwen3_next_layer_types(c):
    """Qwen3NextConfig: full attention every full_attention_interval-th layer, linear otherwise."""
    if c.get("layer_types"):
        return c["layer_types"]
    step = c.get("full_attention_interval", 4)
    return ["linear_attention" if (i + 1) % step else "full_attention" for i in range(c["num_hidden_layers"])]


def qwen3_next(c):
    return CausalLM(c["vocab_size"], c["hidden_size"], c["num_hidden_layers"],
                    lambda i: Qwen3NextDecoderLayer(c, i), c.get("tie_word_embeddings", False))


class Qwen3NextMTP(nn.Module):
    """The `mtp.*` tensors a Qwen3-Next checkpoint stores and transformers skips on load
    (_keys_to_ignore_on_load_unexpected = [r"^mtp.*"]): fc [hidden, 2·hidden],
    pre_fc_norm_embedding, pre_fc_norm_hidden, one full-attention MoE layer and a norm
    (vLLM's qwen3_next_mtp.py); embeddings and head are the model's own."""

    def __init__(self, c):
        super().__init__()
        hidden = c["hidden_size"]
        self.fc = linear(2 * hidden, hidden, False)
        self.layers = nn.ModuleList([Qwen3NextDecoderLayer({**c, "layer_types": ["full_attention"] * c["num_hidden_layers"]}, 0)])
        self.norm = RMSNorm(hidden)
        self.pre_fc_norm_embedding = RMSNorm(hidden)
        self.pre_fc_norm_hidden = RMSNorm(hidden)


BUILDERS = {
    "deepseek_v3": deepseek_v3,
    "kimi_k2": deepseek_v3,
    "deepseek_v2": deepseek_v2,
    "qwen3_moe": qwen3_moe,
    "gpt_oss": gpt_oss,
    "gemma2": lambda c: gemma(c, qk_norm=False),
    "gemma3_text": lambda c: gemma(c, qk_norm=True),
    "phi3": phi3,
    "llama4_text": llama4_text,
    "glm4_moe": glm4_moe,
    "olmo2": olmo2,
    "qwen3_next": qwen3_next,
}


# --- The configs: size keys of each checkpoint's config.json (configs-2026/README.md says where) --

DEEPSEEK_V3 = dict(
    model_type="deepseek_v3", vocab_size=129280, hidden_size=7168, intermediate_size=18432, moe_intermediate_size=2048,
    num_hidden_layers=61, num_attention_heads=128, num_key_value_heads=128, n_routed_experts=256, n_shared_experts=1,
    num_experts_per_tok=8, n_group=8, topk_group=4, first_k_dense_replace=3, moe_layer_freq=1, q_lora_rank=1536,
    kv_lora_rank=512, qk_nope_head_dim=128, qk_rope_head_dim=64, v_head_dim=128, attention_bias=False,
    num_nextn_predict_layers=1, tie_word_embeddings=False,
)

# id: (the file under /work/shared/reference/configs-2026, or where the values come from; the size keys)
CONFIGS = {
    "deepseek-v3": ("deepseek-v3.json", DEEPSEEK_V3),
    "kimi-k2": ("moonshotai/Kimi-K2-Instruct config.json (model_type kimi_k2, DeepseekV3ForCausalLM's layout): trimmed copy in debaditc/kvfit src/kvfit/data/models.json; n_group and topk_group 1, no MTP layer", {**DEEPSEEK_V3, "model_type": "kimi_k2", "vocab_size": 163840, "num_attention_heads": 64,
                       "num_key_value_heads": 64, "n_routed_experts": 384, "first_k_dense_replace": 1, "n_group": 1,
                       "topk_group": 1, "num_nextn_predict_layers": 0}),
    "deepseek-v2-lite": ("deepseek-ai/DeepSeek-V2-Lite config.json, as Megatron's and MaxText's DeepSeek-V2-Lite configs reproduce it; confirmed by the Hub total", dict(
        model_type="deepseek_v2", vocab_size=102400, hidden_size=2048, intermediate_size=10944, moe_intermediate_size=1408,
        num_hidden_layers=27, num_attention_heads=16, num_key_value_heads=16, n_routed_experts=64, n_shared_experts=2,
        num_experts_per_tok=6, first_k_dense_replace=1, moe_layer_freq=1, q_lora_rank=None, kv_lora_rank=512,
        qk_nope_head_dim=128, qk_rope_head_dim=64, v_head_dim=128, attention_bias=False, tie_word_embeddings=False)),
    "qwen3-30b-a3b": ("qwen3-30b-a3b.json", dict(
        model_type="qwen3_moe", vocab_size=151936, hidden_size=2048, intermediate_size=6144, moe_intermediate_size=768,
        num_hidden_layers=48, num_attention_heads=32, num_key_value_heads=4, head_dim=128, num_experts=128,
        num_experts_per_tok=8, decoder_sparse_step=1, mlp_only_layers=[], attention_bias=False, tie_word_embeddings=False)),
    "gpt-oss-20b": ("gpt-oss-20b.json", dict(
        model_type="gpt_oss", vocab_size=201088, hidden_size=2880, intermediate_size=2880, num_hidden_layers=24,
        num_attention_heads=64, num_key_value_heads=8, head_dim=64, num_local_experts=32, num_experts_per_tok=4,
        attention_bias=True, sliding_window=128, tie_word_embeddings=False)),
    "gpt-oss-120b": ("openai/gpt-oss-120b config.json: trimmed copy in debaditc/kvfit src/kvfit/data/models.json", dict(
        model_type="gpt_oss", vocab_size=201088, hidden_size=2880, intermediate_size=2880, num_hidden_layers=36,
        num_attention_heads=64, num_key_value_heads=8, head_dim=64, num_local_experts=128, num_experts_per_tok=4,
        attention_bias=True, sliding_window=128, tie_word_embeddings=False)),
    "gemma-2-9b": ("gemma-2-9b.json", dict(
        model_type="gemma2", vocab_size=256000, hidden_size=3584, intermediate_size=14336, num_hidden_layers=42,
        num_attention_heads=16, num_key_value_heads=8, head_dim=256, attention_bias=False, sliding_window=4096)),
    "gemma-3-1b": ("gemma-3-1b.json", dict(
        model_type="gemma3_text", vocab_size=262144, hidden_size=1152, intermediate_size=6912, num_hidden_layers=26,
        num_attention_heads=4, num_key_value_heads=1, head_dim=256, attention_bias=False, sliding_window=512,
        sliding_window_pattern=6)),
    "phi-3-mini-4k": ("phi-3-mini-4k.json", dict(
        model_type="phi3", vocab_size=32064, hidden_size=3072, intermediate_size=8192, num_hidden_layers=32,
        num_attention_heads=32, num_key_value_heads=32, tie_word_embeddings=False)),
    "phi-4": ("microsoft/phi-4 config.json: trimmed copy in debaditc/kvfit src/kvfit/data/models.json", dict(
        model_type="phi3", vocab_size=100352, hidden_size=5120, intermediate_size=17920, num_hidden_layers=40,
        num_attention_heads=40, num_key_value_heads=10, tie_word_embeddings=False)),
    "llama-4-scout-17b-16e": ("llama-4-scout-17b-16e.json", dict(
        model_type="llama4_text", vocab_size=202048, hidden_size=5120, intermediate_size=8192, intermediate_size_mlp=16384,
        num_hidden_layers=48, num_attention_heads=40, num_key_value_heads=8, head_dim=128, num_local_experts=16,
        num_experts_per_tok=1, interleave_moe_layer_step=1, use_qk_norm=True, attention_bias=False,
        tie_word_embeddings=False)),
    "glm-4.5-air": ("glm-4.5-air.json", dict(
        model_type="glm4_moe", vocab_size=151552, hidden_size=4096, intermediate_size=10944, moe_intermediate_size=1408,
        num_hidden_layers=46, num_attention_heads=96, num_key_value_heads=8, head_dim=128, n_routed_experts=128,
        n_shared_experts=1, num_experts_per_tok=8, n_group=1, topk_group=1, first_k_dense_replace=1, attention_bias=True,
        use_qk_norm=False, num_nextn_predict_layers=1, tie_word_embeddings=False)),
    "glm-4.5": ("zai-org/GLM-4.5 config.json: sizes from the trimmed copy in debaditc/kvfit src/kvfit/data/models.json; use_qk_norm and attention_bias from THUDM/slime scripts/models/glm4.5-355B-A32B.sh (configs-2026/README.md); confirmed by the Hub total", dict(
        model_type="glm4_moe", vocab_size=151552, hidden_size=5120, intermediate_size=12288, moe_intermediate_size=1536,
        num_hidden_layers=92, num_attention_heads=96, num_key_value_heads=8, head_dim=128, n_routed_experts=160,
        n_shared_experts=1, num_experts_per_tok=8, n_group=1, topk_group=1, first_k_dense_replace=3, attention_bias=True,
        use_qk_norm=True, num_nextn_predict_layers=1, tie_word_embeddings=False)),
    "olmo-2-1124-7b": ("olmo-2-1124-7b.json", dict(
        model_type="olmo2", vocab_size=100352, hidden_size=4096, intermediate_size=11008, num_hidden_layers=32,
        num_attention_heads=32, num_key_value_heads=32, attention_bias=False, tie_word_embeddings=False)),
    "qwen3-next-80b-a3b": ("qwen3-next-80b-a3b.json", dict(
        model_type="qwen3_next", vocab_size=151936, hidden_size=2048, intermediate_size=5120, moe_intermediate_size=512,
        shared_expert_intermediate_size=512, num_hidden_layers=48, num_attention_heads=16, num_key_value_heads=2,
        head_dim=256, num_experts=512, num_experts_per_tok=10, decoder_sparse_step=1, mlp_only_layers=[],
        full_attention_interval=4, linear_conv_kernel_dim=4, linear_key_head_dim=128, linear_num_key_heads=16,
        linear_num_value_heads=32, linear_value_head_dim=128, tie_word_embeddings=False)),
}

# vision_config of meta-llama/Llama-4-Scout-17B-16E(-Instruct) (configs-2026/README.md).
LLAMA4_SCOUT_VISION = dict(hidden_size=1408, intermediate_size=5632, num_hidden_layers=34, image_size=336, patch_size=14,
                           num_channels=3, pixel_shuffle_ratio=0.5, projector_input_dim=4096, projector_output_dim=4096,
                           vision_output_dim=4096)

HUB = "the Hugging Face Hub's safetensors total for {} (api/models/{}?expand=safetensors; quoted in debaditc/kvfit src/kvfit/data/models.json and other public copies)"


def hub(repo):
    return HUB.format(repo, repo)


# id: published figures, each (figure, what it counts, source). "model": the module tree transformers
# builds; "checkpoint": that plus what checkpoint_only lists. An int must be equal, a rounded string
# ("1.03T") within one unit of its last digit. Then the vendors' headline active figures, the
# convention each follows (which active count it is), and their sources.
PUBLISHED = {
    "deepseek-v3": (
        [(671_026_404_352, "model", "exact: DeepseekV3ForCausalLM as transformers builds it, as issue 19 states it (DeepSeek: 671B total)"),
         (684_531_386_000, "checkpoint", hub("deepseek-ai/DeepSeek-V3") + "; by dtype BF16 3,918,786,560, F8_E4M3 680,571,043,840, F32 41,555,600: the model, the MTP layer model.layers.61.*, e_score_correction_bias and the FP8 weight_scale_inv tensors (the Hub shows 685B)")],
        [("37B", "without_input_embedding", "DeepSeek-V3 README: 671B total, 37B activated per token"),
         ("36.6B", "without_input_embedding", "DeepSeek-V3 README_WEIGHTS.md: main model 671B, 36.6B activated including 0.9B for the output head")]),
    "kimi-k2": (
        [("1.03T", "model", "rounded: moonshotai/Kimi-K2-Instruct, 1.03T as the Hub rounds its safetensors total 1,026,408,235,864 (Moonshot: 1T total); that total is the model, its 23,040 e_score_correction_bias and 3,416 elements not accounted for here, without the FP8 scales")],
        [("32B", "without_input_embedding", "Kimi K2 model card: 32B activated, 1T total")]),
    "deepseek-v2-lite": (
        [(15_706_484_224, "model", hub("deepseek-ai/DeepSeek-V2-Lite") + " (BF16, no MTP layer: equal to the model)")],
        [("2.4B", "without_input_embedding", "DeepSeek-V2-Lite README: 15.7B total, 2.4B activated")]),
    "qwen3-30b-a3b": (
        [(30_532_122_624, "model", hub("Qwen/Qwen3-30B-A3B") + " (BF16: equal to the model)")],
        [("3.3B", "with_input_embedding", "Qwen3-30B-A3B model card: 30.5B total, 3.3B activated")]),
    "gpt-oss-20b": (
        [(20_914_757_184, "model", "exact: GptOssForCausalLM with its MXFP4 experts dequantised, as issue 19 states it and debaditc/kvfit quotes it for openai/gpt-oss-20b (OpenAI: 21B total)")],
        [("3.61B", "without_input_embedding", "OpenAI, gpt-oss-120b & gpt-oss-20b model card: 20.91B total, 3.61B active per token (embeddings not counted)")]),
    "gpt-oss-120b": (
        [(116_829_156_672, "model", "exact: GptOssForCausalLM with its MXFP4 experts dequantised, as debaditc/kvfit quotes it for openai/gpt-oss-120b (OpenAI: 117B total)")],
        [("5.13B", "without_input_embedding", "OpenAI, gpt-oss-120b & gpt-oss-20b model card: 116.83B total, 5.13B active per token (embeddings not counted)")]),
    "gemma-2-9b": ([(9_241_705_984, "model", hub("google/gemma-2-9b-it") + " (tied head: equal to the model)")], []),
    "gemma-3-1b": ([(999_885_952, "model", hub("google/gemma-3-1b-it") + " (text only, tied head: equal to the model)")], []),
    "phi-3-mini-4k": ([(3_821_079_552, "model", hub("microsoft/Phi-3-mini-4k-instruct"))], []),
    "phi-4": ([(14_659_507_200, "model", hub("microsoft/phi-4"))], []),
    "llama-4-scout-17b-16e": (
        [(108_641_793_536, "checkpoint", hub("meta-llama/Llama-4-Scout-17B-16E-Instruct") + ": Llama4ForConditionalGeneration, the text model plus the vision tower and projector (Meta: 109B total)")],
        [("17B", "with_input_embedding", "Meta, Llama 4 model card: 17B activated, 109B total")]),
    "glm-4.5-air": (
        [(110_468_824_832, "checkpoint", hub("zai-org/GLM-4.5-Air") + ": the model plus its MTP layer model.layers.46.* (Z.ai: 106B total)")],
        [("12B", "without_input_embedding_or_head", "GLM-4.5 model card: 106B total, 12B active")]),
    "glm-4.5": (
        [(358_337_791_296, "checkpoint", hub("zai-org/GLM-4.5") + ": the model plus its MTP layer model.layers.92.* (Z.ai: 355B total)")],
        [("32B", "without_input_embedding_or_head", "GLM-4.5 model card: 355B total, 32B active")]),
    "olmo-2-1124-7b": ([(7_298_617_344, "model", hub("allenai/OLMo-2-1124-7B") + " (F32: equal to the model)")], []),
    "qwen3-next-80b-a3b": (
        [(81_324_862_720, "checkpoint", hub("Qwen/Qwen3-Next-80B-A3B-Instruct") + ": the model plus its mtp.* block (Qwen: 80B total)")],
        [("3B", "with_input_embedding", "Qwen3-Next-80B-A3B model card: 80B total, 3B activated")]),
}


def numel(shapes):
    return sum(math.prod(shape) for _, shape in shapes)


def named(module, prefix=""):
    return [[prefix + name, list(p.shape)] for name, p in module.named_parameters()]


def named_buffers(module, prefix=""):
    return [[prefix + name, list(b.shape)] for name, b in module.named_buffers()]


def checkpoint_only(model_id, c, model):
    """Parameters a checkpoint stores beyond the module tree transformers builds: their count by
    what they are, and their names and shapes (all but the FP8 scales, which follow one rule)."""
    counts, names = {}, {}
    layers = c["num_hidden_layers"]
    if c["model_type"] in ("deepseek_v3", "kimi_k2", "glm4_moe"):
        layer = DeepseekDecoderLayer if c["model_type"] != "glm4_moe" else Glm4MoeDecoderLayer
        mtp = [(f"model.layers.{layers + k}.", NextNLayer(c, layer(c, layers + k))) for k in range(c.get("num_nextn_predict_layers", 0))]
        if mtp:
            names["mtp"] = [s for prefix, m in mtp for s in named(m, prefix)]
        names["e_score_correction_bias"] = named_buffers(model) + [s for prefix, m in mtp for s in named_buffers(m, prefix)]
        if model_id == "deepseek-v3":
            shapes = named(model) + names["mtp"]
            counts["fp8_weight_scale_inv"] = sum(fp8_scales(shape) for name, shape in shapes if fp8_quantised(name, shape))
    if c["model_type"] == "qwen3_next":
        names["mtp"] = named(Qwen3NextMTP(c), "mtp.")
    if c["model_type"] == "llama4_text":
        names["vision_tower_and_projector"] = named(Llama4VisionTower(LLAMA4_SCOUT_VISION, c["hidden_size"]))
    return {**{what: numel(shapes) for what, shapes in names.items()}, **counts}, names


def layer_kinds(c):
    """The kind of each decoder layer, by what sets its parameters apart (or its attention span)."""
    n, kind = c["num_hidden_layers"], c["model_type"]
    if kind in ("deepseek_v3", "kimi_k2", "deepseek_v2", "glm4_moe"):
        first = c.get("first_k_dense_replace", {"deepseek_v3": 3, "kimi_k2": 3, "deepseek_v2": 0, "glm4_moe": 1}[kind])
        return ["dense" if i < first else "moe" for i in range(n)]
    if kind == "qwen3_moe":
        return ["moe" if moe_index(c, i) else "dense" for i in range(n)]
    if kind == "qwen3_next":
        types = qwen3_next_layer_types(c)
        return [f"{types[i].split('_')[0]}_{'moe' if moe_index(c, i) else 'dense'}" for i in range(n)]
    if kind == "llama4_text":
        return ["moe" if i in llama4_moe_layers(c) else "dense" for i in range(n)]
    if kind == "gpt_oss":
        return c.get("layer_types") or ["sliding_attention" if (i + 1) % 2 else "full_attention" for i in range(n)]
    if kind in ("gemma2", "gemma3_text"):
        return gemma_layer_types(c)
    return ["dense"] * n


def active(model, tied):
    """Parameters one token passes through: everything but the routed experts it is not sent to.
    Without the input embedding: less embed_tokens, unless it is tied to the head a token still uses.
    Without the input embedding or head (GLM's convention): less both, the shared matrix once if tied."""
    skipped = sum(m.inactive() for m in model.modules() if isinstance(m, (ExpertList, StackedExperts)))
    total = sum(p.numel() for p in model.parameters()) - skipped
    embedding, head = model.model.embed_tokens.weight.numel(), model.lm_head.weight.numel()
    return {
        "with_input_embedding": total,
        "without_input_embedding": total - (0 if tied else embedding),
        "without_input_embedding_or_head": total - (head if tied else embedding + head),
    }


def describe(c, model):
    tied = model.lm_head.weight is model.model.embed_tokens.weight
    return {
        "total": sum(p.numel() for p in model.parameters()),
        "active": active(model, tied),
        "tied": tied,
    }


def record(model_id, origin, c):
    model = BUILDERS[c["model_type"]](c)
    in_configs_2026 = " " not in origin  # a bare file name, not a sentence about a source
    source = {"config_file": origin} if in_configs_2026 else {"config_file": None, "config_source": origin}
    entry = {"model_type": c["model_type"], **source, "config": c, **describe(c, model)}
    entry["checkpoint_only"], entry["checkpoint_only_parameters"] = checkpoint_only(model_id, c, model)
    entry["buffers"] = named_buffers(model)
    if c["model_type"] == "gpt_oss":
        entry["checkpoint_stores_experts_as"] = mxfp4_storage(c)
    entry["outside_layers"] = [p for p in named(model) if not p[0].startswith("model.layers.")]
    kinds = layer_kinds(c)
    entry["layers"] = {}
    for kind in dict.fromkeys(kinds):
        i = kinds.index(kind)
        entry["layers"][kind] = {"index": i, "parameters": named(model.model.layers[i], f"model.layers.{i}.")}
    return entry


def check(model_id, entry):
    figures, headlines = PUBLISHED[model_id]
    for figure, counts, source in figures:
        exact = entry["total"] + (sum(entry["checkpoint_only"].values()) if counts == "checkpoint" else 0)
        if not matches_published(exact, figure):
            raise SystemExit(f"{model_id}: {counts} total {exact:,} does not match the published {figure} ({source})")
    entry["published_total"], _, entry["published_source"] = figures[0]
    entry["published"] = [{"figure": f, "counts": counts, "source": s} for f, counts, s in figures]
    for figure, convention, source in headlines:
        if not matches_published(entry["active"][convention], figure):
            raise SystemExit(f"{model_id}: active {entry['active'][convention]:,} ({convention}) is not the published {figure} ({source})")
    entry["published_active"] = [{"figure": f, "convention": convention, "source": s} for f, convention, s in headlines]


# --- Tiny configs: every switch of each family, small enough to list every parameter -------------

TINY_MLA = dict(vocab_size=64, hidden_size=16, intermediate_size=24, moe_intermediate_size=8, num_hidden_layers=3,
                num_attention_heads=2, num_key_value_heads=2, n_routed_experts=4, num_experts_per_tok=2,
                first_k_dense_replace=1, kv_lora_rank=8, qk_nope_head_dim=4, qk_rope_head_dim=2, v_head_dim=4)

TINY = {
    "deepseek_v3 with q_lora_rank, one dense layer, untied": dict(
        model_type="deepseek_v3", **TINY_MLA, q_lora_rank=6, n_shared_experts=1, n_group=2, topk_group=1,
        tie_word_embeddings=False),
    "deepseek_v2 without q_lora_rank, two shared experts, tied": dict(
        model_type="deepseek_v2", **TINY_MLA, q_lora_rank=None, n_shared_experts=2, tie_word_embeddings=True),
    "qwen3_moe with decoder_sparse_step 2, mlp_only_layers and attention_bias": dict(
        model_type="qwen3_moe", vocab_size=64, hidden_size=16, intermediate_size=24, moe_intermediate_size=8,
        num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2, head_dim=6, num_experts=4,
        num_experts_per_tok=2, decoder_sparse_step=2, mlp_only_layers=[3], attention_bias=True, tie_word_embeddings=True),
    "gpt_oss with sliding and full layers": dict(
        model_type="gpt_oss", vocab_size=64, hidden_size=16, intermediate_size=12, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, head_dim=8, num_local_experts=4, num_experts_per_tok=2,
        attention_bias=True, layer_types=["sliding_attention", "full_attention"], tie_word_embeddings=False),
    "gemma2 with head_dim, attention_bias and the default tied head": dict(
        model_type="gemma2", vocab_size=64, hidden_size=16, intermediate_size=24, num_hidden_layers=2,
        num_attention_heads=2, num_key_value_heads=1, head_dim=12, attention_bias=True),
    "gemma3_text with layer_types and an untied head": dict(
        model_type="gemma3_text", vocab_size=64, hidden_size=16, intermediate_size=24, num_hidden_layers=3,
        num_attention_heads=2, num_key_value_heads=1, head_dim=8,
        layer_types=["sliding_attention", "sliding_attention", "full_attention"], tie_word_embeddings=False),
    "phi3 with grouped kv heads, tied": dict(
        model_type="phi3", vocab_size=64, hidden_size=16, intermediate_size=24, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=True),
    "llama4_text with interleave_moe_layer_step 2 and intermediate_size_mlp": dict(
        model_type="llama4_text", vocab_size=64, hidden_size=16, intermediate_size=8, intermediate_size_mlp=24,
        num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2, head_dim=4, num_local_experts=4,
        num_experts_per_tok=1, interleave_moe_layer_step=2, use_qk_norm=True, tie_word_embeddings=False),
    "glm4_moe with use_qk_norm and attention_bias": dict(
        model_type="glm4_moe", vocab_size=64, hidden_size=16, intermediate_size=24, moe_intermediate_size=8,
        num_hidden_layers=3, num_attention_heads=4, num_key_value_heads=2, head_dim=6, n_routed_experts=4,
        n_shared_experts=1, num_experts_per_tok=2, first_k_dense_replace=1, attention_bias=True, use_qk_norm=True,
        tie_word_embeddings=False),
    "olmo2 with grouped kv heads": dict(
        model_type="olmo2", vocab_size=64, hidden_size=16, intermediate_size=24, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=False),
    "qwen3_next with full_attention_interval 2 and mlp_only_layers": dict(
        model_type="qwen3_next", vocab_size=64, hidden_size=16, intermediate_size=24, moe_intermediate_size=8,
        shared_expert_intermediate_size=12, num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2,
        head_dim=4, num_experts=4, num_experts_per_tok=2, decoder_sparse_step=1, mlp_only_layers=[1],
        full_attention_interval=2, linear_conv_kernel_dim=3, linear_key_head_dim=4, linear_num_key_heads=2,
        linear_num_value_heads=4, linear_value_head_dim=6, tie_word_embeddings=False),
}


def tiny(c):
    model = BUILDERS[c["model_type"]](c)
    return {"model_type": c["model_type"], "config": c, **describe(c, model),
            "layer_kinds": layer_kinds(c), "parameters": named(model), "buffers": named_buffers(model)}


def compact(data):
    """JSON with one line per [name, shape] pair, so the file stays small and diffs stay readable."""
    text = json.dumps(data, indent=1)
    text = re.sub(r"\[\s+(-?\d+(?:,\s+-?\d+)*)\s+\]", lambda m: "[" + ", ".join(m.group(1).split()).replace(",,", ",") + "]", text)
    return re.sub(r'\[\s+("[^"\n]*"),\s+(\[[^\]\n]*\])\s+\]', r"[\1, \2]", text)


NOTES = {
    "written_by": "scripts/generate_llm_2026_fixtures.py (real PyTorch on the meta device; see its docstring for the transformers commits mirrored)",
    "total": "parameters of the module tree transformers builds, each shared tensor once; buffers excluded",
    "buffers": "persistent buffers the checkpoints carry as tensors: e_score_correction_bias is a buffer in transformers (DeepseekV3TopkRouter, Glm4MoeTopkRouter) and a parameter in DeepSeek's own inference/model.py; this fixture follows transformers",
    "checkpoint_only": "elements a checkpoint stores beyond that tree, by what they are; checkpoint_only_parameters lists their names and shapes, except fp8_weight_scale_inv: one F32 tensor <weight name>_scale_inv [ceil(out/128), ceil(in/128)] beside every F8 weight, which is every 2-D weight under a layer's self_attn or mlp except mlp.gate.weight (DeepSeek-V3's MTP eh_proj stays BF16)",
    "checkpoint_stores_experts_as": "gpt-oss: the checkpoint's MXFP4 tensors (U8) that stand for each layer's experts.gate_up_proj and experts.down_proj; biases are stored as they are",
    "active": "one token's parameters: top-k routed experts, shared experts and everything outside the experts; without_input_embedding drops embed_tokens unless tied to the head; without_input_embedding_or_head drops both (the shared matrix once when tied)",
    "published": "each figure with what it counts: model (total) or checkpoint (total plus checkpoint_only); an integer is exact, a string such as 37B is rounded and checked to one unit of its last digit",
    "layers": "one decoder layer of each kind, every parameter name and shape as the checkpoint names it; Llama 4's multimodal checkpoints prefix the text model's names with language_model.",
}


def check_copies():
    """Where the reference configs sit beside the repository (as in CI), every key copied above must
    equal the file's own value."""
    if not REFERENCE_CONFIGS.is_dir():
        return
    for model_id, (origin, c) in CONFIGS.items():
        path = REFERENCE_CONFIGS / origin
        if path.suffix == ".json" and path.is_file():
            real = json.loads(path.read_text())
            wrong = {k: (v, real[k]) for k, v in c.items() if k in real and real[k] != v}
            if wrong:
                raise SystemExit(f"{model_id}: copied config keys differ from {path}: {wrong}")


def main():
    check_copies()
    models = {}
    for model_id, (origin, c) in CONFIGS.items():
        entry = record(model_id, origin, c)
        check(model_id, entry)
        models[model_id] = entry
        extra = ", ".join(f"{k} {v:,}" for k, v in entry["checkpoint_only"].items())
        print(f"{model_id:22} {entry['total']:>18,}  active {entry['active']['with_input_embedding']:>15,}"
              f" / {entry['active']['without_input_embedding']:>15,}  {extra}")
    tiny_models = {name: tiny(c) for name, c in TINY.items()}
    OUTPUT.write_text(compact({"notes": NOTES, "models": models, "tiny": tiny_models}) + "\n")


if __name__ == "__main__":
    main()
