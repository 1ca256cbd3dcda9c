// Two sentences in a row: English puts a space between them; in Chinese the full-width
// punctuation that ends the first one is the whole gap ("不太对。这忘了分组").

/** What goes after `first` before the next sentence: a space, or nothing. */
export function sentenceGap(first: string): string {
  return /[。！？：；]$/.test(first) ? '' : ' ';
}

/** `first` and `second` as running text in either language. */
export function joinSentences(first: string, second: string): string {
  return `${first}${sentenceGap(first)}${second}`;
}
