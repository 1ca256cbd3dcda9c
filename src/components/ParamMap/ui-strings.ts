// The words of the parameter map, under `map.` in content/i18n/<lang>.json. `{{name}}` marks where a
// value goes.
import { PARTS } from 'lib';
import { defineUiStrings, type UiText } from '../../i18n/ui-strings.ts';

export const MAP_STRINGS = defineUiStrings('map', [
  'title',
  'caption',
  'tensor',
  'shape',
  'parameters',
  'share',
  'oneToken',
  'total',
  'layers',
  'alsoNamed',
  'expertsUsed',
  'expertsSkipped',
  'perExpert',
  'tokenNote',
  'withEmbedding',
  'withoutEmbedding',
  'withoutEmbeddingAndHead',
  'buffers',
  'cellsTitle',
  'cell',
  ...PARTS.map((part) => `part.${part}` as const),
]);

export type MapText = UiText<typeof MAP_STRINGS>;
