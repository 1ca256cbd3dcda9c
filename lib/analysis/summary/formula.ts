import type { Module } from '../../module.ts';
import { groupDigits } from './units.ts';

/**
 * A module's count written out with the numbers plugged in, equal terms gathered with a
 * multiplier. A layer sums the shapes of its tensors: Conv2d(6, 16, 5) is
 * `16 · 6 · 5 · 5 + 16 = 2,416`, a LayerNorm(768) (weight and bias) `2 · 768 = 1,536`. A container
 * sums its modules' counts (and the shapes of its own tensors): GPT-2's twelve blocks are
 * `12 · 7,087,872 = 85,054,464`. Empty for no parameters.
 */
export function countFormula(module: Module, ownOnly = false): string {
  const terms: number[][] = [...module.parameters(false)].map((p) => (p.shape.length ? [...p.shape] : [1]));
  if (!ownOnly) {
    // Each parameter once: a module tied to an earlier one adds only what is its own.
    const counted = new Set(module.parameters(false));
    for (const child of module.children()) {
      const fresh = [...child.parameters()].filter((p) => !counted.has(p));
      for (const p of fresh) counted.add(p);
      const count = fresh.reduce((sum, p) => sum + p.numel(), 0);
      if (count > 0) terms.push([count]);
    }
  }
  const gathered = new Map<string, { factors: number[]; times: number }>();
  for (const factors of terms) {
    const key = factors.join('×');
    const term = gathered.get(key) ?? { factors, times: 0 };
    term.times++;
    gathered.set(key, term);
  }
  if (gathered.size === 0) return '';
  const total = [...gathered.values()].reduce((sum, { factors, times }) => sum + times * factors.reduce((a, b) => a * b, 1), 0);
  const sum = [...gathered.values()]
    .map(({ factors, times }) => [...(times > 1 ? [times] : []), ...factors].map(groupDigits).join(' · '))
    .join(' + ');
  return sum === groupDigits(total) ? sum : `${sum} = ${groupDigits(total)}`;
}
