// A checkpoint in several files: the shards' tensors put together, checked against each other
// and, when the reader gives it, against model.safetensors.index.json (which says which shard
// holds each tensor).
import { failuresOf } from './checkpoint-error.ts';
import type { TensorInfo } from './tensor-info.ts';

export interface ShardIndex {
  file: string;
  /** Tensor name → the shard file that holds it. */
  weightMap: Map<string, string>;
  /** `metadata.total_size`: the bytes of all tensors, when the index says. */
  totalSize?: number;
}

/** Something the shards and their index disagree on; the page lists them, and keeps counting. */
export type ShardProblem =
  | { problem: 'duplicate'; tensor: string; files: [string, string] }
  | { problem: 'shardMissing'; file: string; tensors: number }
  | { problem: 'notInIndex'; tensor: string; file: string }
  | { problem: 'elsewhere'; tensor: string; file: string; indexed: string }
  | { problem: 'missingFromShard'; tensor: string; file: string };

export function parseShardIndex(text: string, file: string): ShardIndex {
  const fail = failuresOf(file);
  let index: unknown;
  try {
    index = JSON.parse(text);
  } catch (error) {
    throw fail('indexNotJson', { reason: (error as Error).message }, `the index is not JSON (${(error as Error).message})`);
  }
  const { weight_map: weightMap, metadata } = (index ?? {}) as Record<string, unknown>;
  if (
    typeof weightMap !== 'object' ||
    weightMap === null ||
    !Object.values(weightMap).every((shard) => typeof shard === 'string')
  ) {
    throw fail('indexNoWeightMap', {}, 'the index has no weight_map of tensor names to files');
  }
  const totalSize = (metadata as { total_size?: unknown } | undefined)?.total_size;
  return {
    file,
    weightMap: new Map(Object.entries(weightMap as Record<string, string>)),
    totalSize: typeof totalSize === 'number' ? totalSize : undefined,
  };
}

/** The tensors of all shards, each once, and what does not add up. */
export function combineShards(
  shards: readonly { file: string; tensors: readonly TensorInfo[] }[],
  index?: ShardIndex,
): { tensors: TensorInfo[]; problems: ShardProblem[] } {
  const problems: ShardProblem[] = [];
  const byName = new Map<string, TensorInfo>();
  for (const shard of shards) {
    for (const tensor of shard.tensors) {
      const first = byName.get(tensor.name);
      if (first) {
        problems.push({ problem: 'duplicate', tensor: tensor.name, files: [first.file, tensor.file] });
        continue;
      }
      byName.set(tensor.name, tensor);
      const indexed = index?.weightMap.get(tensor.name);
      if (index && indexed === undefined) problems.push({ problem: 'notInIndex', tensor: tensor.name, file: tensor.file });
      else if (indexed !== undefined && indexed !== tensor.file) {
        problems.push({ problem: 'elsewhere', tensor: tensor.name, file: tensor.file, indexed });
      }
    }
  }
  if (index) {
    const chosen = new Set(shards.map((shard) => shard.file));
    const absent = new Map<string, number>();
    for (const [tensor, file] of index.weightMap) {
      if (byName.has(tensor)) continue;
      if (chosen.has(file)) problems.push({ problem: 'missingFromShard', tensor, file });
      else absent.set(file, (absent.get(file) ?? 0) + 1);
    }
    for (const [file, tensors] of absent) problems.push({ problem: 'shardMissing', file, tensors });
  }
  return { tensors: [...byName.values()], problems };
}
