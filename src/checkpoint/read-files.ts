// The reader's chosen files, or a model's folder, each read by what it is: GGUF by its magic,
// safetensors by its name (which then says what is wrong with it), the shard index and
// config.json by theirs. The rest of a folder (tokenizer, README, generation_config.json) is
// skipped and named.
import { CheckpointError } from './checkpoint-error.ts';
import { type GgufHeader, readGgufHeader } from './gguf.ts';
import { readSafetensorsHeader, type SafetensorsHeader } from './safetensors.ts';
import { parseShardIndex, type ShardIndex } from './shards.ts';

export type FileHeader = ({ format: 'safetensors' } & SafetensorsHeader) | ({ format: 'gguf' } & GgufHeader);

export interface ReadFiles {
  headers: FileHeader[];
  index?: ShardIndex;
  /** The model's config.json, as text: the page counts it and compares the checkpoint with it. */
  config?: { file: string; text: string };
  /** Files that are neither a checkpoint, its index nor its config. */
  skipped: string[];
  errors: CheckpointError[];
}

const GGUF_MAGIC = 'GGUF';

type Read = { header: FileHeader } | { index: ShardIndex } | { config: { file: string; text: string } } | { skipped: string };

async function readOne(file: File): Promise<Read> {
  const { name } = file;
  if (name === 'config.json') return { config: { file: name, text: await file.text() } };
  if (name.endsWith('.index.json')) return { index: parseShardIndex(await file.text(), name) };
  if (name.endsWith('.json')) return { skipped: name };
  const magic = await file.slice(0, 4).text();
  if (magic === GGUF_MAGIC) return { header: { format: 'gguf', ...(await readGgufHeader(file, name)) } };
  if (name.endsWith('.safetensors')) return { header: { format: 'safetensors', ...(await readSafetensorsHeader(file, name)) } };
  return { skipped: name };
}

export async function readFiles(files: readonly File[]): Promise<ReadFiles> {
  const result: ReadFiles = { headers: [], skipped: [], errors: [] };
  for (const file of files) {
    try {
      const read = await readOne(file);
      if ('header' in read) result.headers.push(read.header);
      else if ('index' in read) result.index = read.index;
      else if ('config' in read) result.config = read.config;
      else result.skipped.push(read.skipped);
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error;
      result.errors.push(error);
    }
  }
  return result;
}
