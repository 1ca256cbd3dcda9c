// Numbers in the page's language: exact counts with its digit grouping, a short form beside them
// (6.74B in English, 67.38亿 in Chinese), decimal gigabytes, percentages.

/** An integer as the page's language writes it, e.g. 124,439,808 (`lang` as in `<html lang>`). */
export function formatCount(value: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

export interface NumberFormats {
  count(n: number): string;
  short(n: number): string;
  gigabytes(bytes: number): string;
  percent(value: number): string;
  /** Up to one decimal: 0.4, 12.5. */
  decimal(value: number): string;
}

export function numberFormats(lang: string): NumberFormats {
  const short = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 });
  const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const oneDecimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 3 });
  return {
    count: (n) => formatCount(n, lang),
    short: (n) => short.format(n),
    gigabytes: (bytes) => `${decimal.format(bytes / 1e9)} GB`,
    percent: (value) => percent.format(value / 100),
    decimal: (value) => oneDecimal.format(value),
  };
}
