// What is wrong with a config.json, as data beside the sentence: a page can say it in its
// reader's language (Count your model does), while a cell shows the English message.

/** `got` and the values are written as the config has them: `"32"` for a string, `0` for a number. */
export type ConfigProblem =
  | { problem: 'notAnObject'; got: string }
  | { problem: 'unsupportedModelType'; got: string | undefined; supported: readonly string[] }
  | { problem: 'missing'; key: string }
  | { problem: 'notPositiveInteger'; key: string; got: string }
  | { problem: 'notBoolean'; key: string; got: string }
  | { problem: 'notPositiveNumber'; key: string; got: string }
  | { problem: 'addsParameters'; key: string; got: string; allowed: string }
  | { problem: 'mustDivide'; key: string; value: number; otherKey: string; other: number }
  | { problem: 'cannotExceed'; key: string; value: number; otherKey: string; other: number }
  | { problem: 'tooLarge'; key: string; value: number; max: number }
  | { problem: 'notExact' }
  | { problem: 'notAList'; key: string; got: string }
  | { problem: 'wrongLength'; key: string; length: number; otherKey: string; other: number }
  | { problem: 'notOneOf'; key: string; got: string; allowed: readonly string[] };

function sentence(problem: ConfigProblem): string {
  switch (problem.problem) {
    case 'notAnObject':
      return `expected a parsed config.json object, got ${problem.got}`;
    case 'unsupportedModelType': {
      const got = problem.got === undefined ? 'no "model_type"' : `model_type ${problem.got}`;
      return `${got} is not supported; supported: ${problem.supported.join(', ')}`;
    }
    case 'missing':
      return `"${problem.key}" is missing; it must be a positive integer`;
    case 'notPositiveInteger':
      return `"${problem.key}" must be a positive integer, got ${problem.got}`;
    case 'notBoolean':
      return `"${problem.key}" must be true or false, got ${problem.got}`;
    case 'notPositiveNumber':
      return `"${problem.key}" must be a positive number, got ${problem.got}`;
    case 'addsParameters':
      return `"${problem.key}" ${problem.got} adds parameters this layout does not build; only ${problem.allowed} is supported`;
    case 'mustDivide':
      return `"${problem.key}" (${problem.value}) must divide "${problem.otherKey}" (${problem.other})`;
    case 'cannotExceed':
      return `"${problem.key}" (${problem.value}) cannot exceed "${problem.otherKey}" (${problem.other})`;
    case 'tooLarge':
      return `"${problem.key}" (${problem.value}) is beyond any real model; at most ${problem.max} is counted`;
    case 'notExact':
      return 'the count passes 2^53, beyond which a JavaScript number no longer holds every integer, so it would not be exact';
    case 'notAList':
      return `"${problem.key}" must be a list, got ${problem.got}`;
    case 'wrongLength':
      return `"${problem.key}" has ${problem.length} entries; it must have one per layer, "${problem.otherKey}" (${problem.other})`;
    case 'notOneOf':
      return `"${problem.key}" has ${problem.got}; each entry must be one of ${problem.allowed.join(', ')}`;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problem: ConfigProblem;
  /** The config's `model_type`, once it is one modelFromConfig builds. */
  readonly modelType: string | undefined;

  constructor(problem: ConfigProblem, modelType?: string) {
    super(`modelFromConfig${modelType ? ` (${modelType})` : ''}: ${sentence(problem)}`);
    this.problem = problem;
    this.modelType = modelType;
  }
}
