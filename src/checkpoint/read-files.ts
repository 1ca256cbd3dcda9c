// The reader's chosen files, each read by its format: GGUF by its magic, an index by its .json
// name, anything else as safetensors (which then says what is wrong with it).
import { CheckpointError } from './checkpoint-error.ts';
import { type GgufHeader, readGgufHeader } from './gguf.ts';
import { readSafetensorsHeader, type SafetensorsHeader } from './safetensors.ts';
import { parseShardIndex, type ShardIndex } from './shards.ts';

export type FileHeader = ({ format: 'safetensors' } & SafetensorsHeader) | ({ format: 'gguf' } & GgufHeader);

export interface ReadFiles {
  headers: FileHeader[];
  index?: ShardIndex;
  errors: CheckpointError[];
}

const GGUF_MAGIC = 'GGUF';

async function readOne(file: File): Promise<FileHeader | ShardIndex> {
  if (file.name.endsWith('.json')) return parseShardIndex(await file.text(), file.name);
  const magic = await file.slice(0, 4).text();
  if (magic === GGUF_MAGIC) return { format: 'gguf', ...(await readGgufHeader(file, file.name)) };
  return { format: 'safetensors', ...(await readSafetensorsHeader(file, file.name)) };
}

export async function readFiles(files: readonly File[]): Promise<ReadFiles> {
  const result: ReadFiles = { headers: [], errors: [] };
  for (const file of files) {
    try {
      const read = await readOne(file);
      if ('weightMap' in read) result.index = read;
      else result.headers.push(read);
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error;
      result.errors.push(error);
    }
  }
  return result;
}
