// What goes wrong reading a reader's checkpoint file. Each error names its file and its problem
// by a code, so the page can say it in the reader's language (content/i18n: `checkpoint.<code>`)
// while the English message serves tests and the console.

export type CheckpointProblem =
  // safetensors
  | 'tooShort'
  | 'headerTooLarge'
  | 'headerBeyondFile'
  | 'headerNotJson'
  | 'headerNotObject'
  | 'badMetadata'
  | 'badEntry'
  | 'unknownDtype'
  | 'sizeMismatch'
  | 'outsideData'
  | 'overlap'
  | 'uncovered'
  // GGUF
  | 'notGguf'
  | 'unsupportedVersion'
  | 'truncated'
  | 'badValue'
  | 'unknownGgmlType'
  // model.safetensors.index.json
  | 'indexNotJson'
  | 'indexNoWeightMap';

export class CheckpointError extends Error {
  override name = 'CheckpointError';

  constructor(
    /** The file's name, as the reader chose it. */
    readonly file: string,
    readonly problem: CheckpointProblem,
    /** The values the message names (tensor, dtype, sizes), for the page's translated text. */
    readonly details: Readonly<Record<string, string | number>>,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Makes the errors of one file: `fail(problem, details, message)`. */
export type Fail = (problem: CheckpointProblem, details: Record<string, string | number>, message: string) => CheckpointError;

export function failuresOf(file: string): Fail {
  return (problem, details, message) => new CheckpointError(file, problem, details, message);
}
