// An Expressive Code plugin: a highlighted token drawn in the code's own text colour, in every
// theme, needs no element of its own. Expressive Code wraps every token in a <span> with its
// colours, these too (identifiers, punctuation, spaces: about a third of a lesson's spans), and a
// lesson is tens of thousands of elements whose layout blocks the page as it loads. Their text
// goes straight into the line instead; the page looks the same.
import { definePlugin, type ExpressiveCodePlugin, type StyleVariant } from '@astrojs/starlight/expressive-code';
import type { Element, ElementContent } from '@astrojs/starlight/expressive-code/hast';

/** The inline style Expressive Code gives a token in the code's own colour in every theme. */
export function plainTokenStyle(styleVariants: StyleVariant[]): string {
  return styleVariants
    .map((variant, index) => `--${index}:${variant.resolvedStyleSettings.get('codeForeground')}`)
    .join(';')
    .toLowerCase();
}

/** `node` without its plain token spans: each one's text takes its place. */
export function unwrapPlainTokens(node: Element, plainStyle: string): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    const style = child.properties.style;
    const plain =
      child.tagName === 'span' &&
      Object.keys(child.properties).length === 1 &&
      typeof style === 'string' &&
      style.toLowerCase() === plainStyle;
    if (plain) return child.children;
    unwrapPlainTokens(child, plainStyle);
    return [child];
  });
}

export function pluginPlainCodeTokens(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'Plain code tokens',
    hooks: {
      postprocessRenderedLine({ renderData, styleVariants }) {
        unwrapPlainTokens(renderData.lineAst, plainTokenStyle(styleVariants));
      },
    },
  });
}
