import { describe, expect, it } from 'vitest';
import { extractCells } from '../../src/markdown/extract-cells.ts';

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
