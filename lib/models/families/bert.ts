import type { ConfigReader } from '../config-reader.ts';
import { BertModel } from '../hf/bert.ts';
import { CONVENTIONS, type Family, type Part } from './family.ts';

function build(read: ConfigReader) {
  read.unsupported('add_cross_attention', false);
  read.unsupported('position_embedding_type', 'absolute');
  read.divides('num_attention_heads', 'hidden_size');
  return new BertModel({
    vocabSize: read.size('vocab_size'),
    hiddenSize: read.size('hidden_size'),
    numLayers: read.size('num_hidden_layers'),
    intermediateSize: read.size('intermediate_size'),
    maxPositionEmbeddings: read.size('max_position_embeddings'),
    typeVocabSize: read.size('type_vocab_size'),
    layerNormEps: read.number('layer_norm_eps', 1e-12),
  });
}

function partOf(name: string): Part {
  if (/LayerNorm\./.test(name)) return 'norms';
  if (/^embeddings\./.test(name)) return 'embeddings';
  if (/\.attention\./.test(name)) return 'attention';
  if (/\.intermediate\.|^encoder\.layer\.\d+\.output\./.test(name)) return 'mlp';
  if (/^pooler\./.test(name)) return 'head';
  return 'other';
}

/** BERT (`BertModel`): an encoder, `encoder.layer.0.attention.self.query.weight`, and a pooler. */
export const bert: Family = {
  modelTypes: ['bert'],
  name: 'BERT',
  build,
  partOf,
  loraTargets: ['query', 'key', 'value', 'dense'],
  attention: [],
  active: CONVENTIONS.googleBert,
  gguf: {
    top: {
      token_embd: 'embeddings.word_embeddings',
      position_embd: 'embeddings.position_embeddings',
      token_types: 'embeddings.token_type_embeddings',
      token_embd_norm: 'embeddings.LayerNorm',
    },
    layers: 'encoder.layer',
    block: {
      attn_q: 'attention.self.query',
      attn_k: 'attention.self.key',
      attn_v: 'attention.self.value',
      attn_output: 'attention.output.dense',
      attn_output_norm: 'attention.output.LayerNorm',
      ffn_up: 'intermediate.dense',
      ffn_down: 'output.dense',
      layer_output_norm: 'output.LayerNorm',
    },
  },
};
