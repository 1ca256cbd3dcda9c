import { describe, expect, it } from 'vitest';
import { extractCells, extractNotebook } from '../../src/markdown/extract-cells.ts';

const page = `---
title: A page
description: "With { braces } in the frontmatter"
---
Some text.

\`\`\`ts cell
console.log(1);
\`\`\`

\`\`\`ts
// not a cell: no marker
\`\`\`

\`\`\`python
print("not a cell either")
\`\`\`

<Aside>
\`\`\`ts cell title="second.ts"
console.log(2);
\`\`\`
</Aside>
`;

describe('extractCells', () => {
  it('finds the ts blocks marked "cell", in page order, even inside components', () => {
    expect(extractCells(page)).toEqual(['console.log(1);', 'console.log(2);']);
  });
});

describe('extractNotebook', () => {
  const withTwins = `---
title: Twins
---
\`\`\`ts cell
console.log(1);
\`\`\`
\`\`\`python twin mask="loss" needs="torchinfo" mask="step"
print(1)
\`\`\`

\`\`\`ts cell
console.log(2);
\`\`\`

Text between a twin and its cell parts them.

\`\`\`python twin
print(2)
\`\`\`
`;

  it('pairs each cell with the ```python twin block right after it, with its masks and line', () => {
    const { cells, strayTwins } = extractNotebook(withTwins);
    expect(cells).toEqual([
      { source: 'console.log(1);', twin: { source: 'print(1)', masks: ['loss', 'step'], needs: ['torchinfo'], line: 8 } },
      { source: 'console.log(2);', twin: undefined },
    ]);
    expect(strayTwins).toEqual([18]);
  });
});
