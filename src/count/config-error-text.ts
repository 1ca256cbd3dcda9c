// A config that lib's modelFromConfig refuses, said in the page's language: lib's ConfigError
// carries the problem as data, and each problem has its sentence under `count.config.`.
import type { ConfigError } from 'lib';
import { fill } from '../i18n/fill-template.ts';
import type { CountText } from '../components/CountYourModel/ui-strings.ts';

export function configErrorText({ problem, modelType }: ConfigError, text: CountText): string {
  if (problem.problem === 'unsupportedModelType') {
    const supported = problem.supported.join(', ');
    if (problem.got === undefined) return fill(text['config.noModelType'], { supported });
    return fill(text['config.unsupportedModelType'], { got: problem.got, supported });
  }
  const values = Object.fromEntries(Object.entries(problem).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : value]));
  return fill(text[`config.${problem.problem}`], { ...values, modelType });
}
