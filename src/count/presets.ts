// Well-known models to start from: the keys of each one's config.json that decide its size, as
// published on the Hugging Face Hub (`repo`). tests/unit/count-presets.test.ts holds them to the
// configs the PyTorch fixtures were built from, and to the counts those fixtures give.

export interface Preset {
  id: string;
  name: string;
  repo: string;
  config: Readonly<Record<string, unknown>>;
}

export const PRESETS: readonly Preset[] = [
  { id: 'llama-2-7b', name: 'Llama-2-7B', repo: 'meta-llama/Llama-2-7b-hf', config: { hidden_size: 4096, intermediate_size: 11008, model_type: 'llama', num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 32, rms_norm_eps: 1e-05, tie_word_embeddings: false, vocab_size: 32000 } },
  { id: 'llama-3-8b', name: 'Llama-3-8B', repo: 'meta-llama/Meta-Llama-3-8B', config: { hidden_size: 4096, intermediate_size: 14336, model_type: 'llama', num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, rms_norm_eps: 1e-05, rope_theta: 500000, tie_word_embeddings: false, vocab_size: 128256 } },
  { id: 'mistral-7b', name: 'Mistral-7B-v0.1', repo: 'mistralai/Mistral-7B-v0.1', config: { hidden_size: 4096, intermediate_size: 14336, model_type: 'mistral', num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, rms_norm_eps: 1e-05, sliding_window: 4096, tie_word_embeddings: false, vocab_size: 32000 } },
  { id: 'mixtral-8x7b', name: 'Mixtral-8x7B-v0.1', repo: 'mistralai/Mixtral-8x7B-v0.1', config: { hidden_size: 4096, intermediate_size: 14336, model_type: 'mixtral', num_attention_heads: 32, num_experts_per_tok: 2, num_hidden_layers: 32, num_key_value_heads: 8, num_local_experts: 8, rms_norm_eps: 1e-05, tie_word_embeddings: false, vocab_size: 32000 } },
  { id: 'qwen2.5-0.5b', name: 'Qwen2.5-0.5B', repo: 'Qwen/Qwen2.5-0.5B', config: { hidden_size: 896, intermediate_size: 4864, model_type: 'qwen2', num_attention_heads: 14, num_hidden_layers: 24, num_key_value_heads: 2, tie_word_embeddings: true, vocab_size: 151936 } },
  { id: 'qwen2.5-7b', name: 'Qwen2.5-7B', repo: 'Qwen/Qwen2.5-7B', config: { hidden_size: 3584, intermediate_size: 18944, model_type: 'qwen2', num_attention_heads: 28, num_hidden_layers: 28, num_key_value_heads: 4, tie_word_embeddings: false, vocab_size: 152064 } },
  { id: 'qwen3-0.6b', name: 'Qwen3-0.6B', repo: 'Qwen/Qwen3-0.6B', config: { attention_bias: false, head_dim: 128, hidden_size: 1024, intermediate_size: 3072, model_type: 'qwen3', num_attention_heads: 16, num_hidden_layers: 28, num_key_value_heads: 8, tie_word_embeddings: true, vocab_size: 151936 } },
  { id: 'gpt2', name: 'GPT-2 small', repo: 'openai-community/gpt2', config: { model_type: 'gpt2', n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, vocab_size: 50257 } },
  { id: 'gpt2-medium', name: 'GPT-2 medium', repo: 'openai-community/gpt2-medium', config: { model_type: 'gpt2', n_embd: 1024, n_head: 16, n_layer: 24, n_positions: 1024, vocab_size: 50257 } },
  { id: 'gpt2-large', name: 'GPT-2 large', repo: 'openai-community/gpt2-large', config: { model_type: 'gpt2', n_embd: 1280, n_head: 20, n_layer: 36, n_positions: 1024, vocab_size: 50257 } },
  { id: 'gpt2-xl', name: 'GPT-2 XL', repo: 'openai-community/gpt2-xl', config: { model_type: 'gpt2', n_embd: 1600, n_head: 25, n_layer: 48, n_positions: 1024, vocab_size: 50257 } },
  { id: 'bert-base', name: 'BERT-base', repo: 'google-bert/bert-base-uncased', config: { hidden_size: 768, intermediate_size: 3072, max_position_embeddings: 512, model_type: 'bert', num_attention_heads: 12, num_hidden_layers: 12, type_vocab_size: 2, vocab_size: 30522 } },
];

export const presetById = (id: string): Preset | undefined => PRESETS.find((preset) => preset.id === id);
