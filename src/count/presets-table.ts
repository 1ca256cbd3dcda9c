// Every preset at a glance: total and active parameters and the bfloat16 weights, computed by the
// library when the site is built, so the page shows them without JavaScript.
import { countActiveParameters, countParameters, modelFromConfig, weightMemory } from 'lib';
import type { NumberFormats } from '../i18n/number-format.ts';
import { PRESETS } from './presets.ts';
import type { ReportTable } from './report-table.ts';
import type { CountText } from '../components/CountYourModel/ui-strings.ts';

export function presetsTable(text: CountText, format: NumberFormats): ReportTable {
  return {
    caption: text.presetsCaption,
    head: [text.model, text.total, text.active, text.weightsBf16],
    rows: PRESETS.map(({ name, config }) => {
      const model = modelFromConfig({ ...config });
      const total = countParameters(model, { trainableOnly: false });
      return [name, format.count(total), format.count(countActiveParameters(model)), format.gigabytes(weightMemory(model, 'bfloat16').bytes)];
    }),
    numeric: [1, 2, 3],
  };
}
