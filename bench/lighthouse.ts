// Lighthouse over every page of the built site, as a phone sees it (Lighthouse's default mobile
// emulation and throttling). Prints the four category scores per page, then what each page lost
// points on. Run with `npm run bench:lighthouse` (builds the site first); `-- zh-cn/lessons` audits
// only the pages whose address contains one of the words given. Gates nothing.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import { builtPages } from '../tests/support/built-site.ts';
import { startPreview } from './preview-server.ts';

const PORT = Number(process.env.PORT ?? 4398);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface PageReport {
  page: string;
  scores: number[];
  /** Audits that cost points: "category: title (score)". */
  lost: string[];
}

async function audit(url: string, port: number): Promise<Omit<PageReport, 'page'>> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const scores = CATEGORIES.map((id) => Math.round((categories[id].score ?? 0) * 100));
  const lost = CATEGORIES.flatMap((id) =>
    categories[id].auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => `${id}: ${a.title} (${a.score})${a.displayValue ? ` — ${a.displayValue}` : ''}`),
  );
  return { scores, lost };
}

const server = await startPreview(PORT);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? chromiumPath(),
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const reports: PageReport[] = [];
try {
  const only = process.argv.slice(2);
  const pages = builtPages().filter(({ url }) => only.length === 0 || only.some((word) => url.includes(word)));
  for (const { url } of pages) {
    reports.push({ page: `/${url}`, ...(await audit(server.url + url, chrome.port)) });
  }
} finally {
  chrome.kill();
  server.stop();
}

const width = Math.max(...reports.map((report) => report.page.length));
const header = ['page'.padEnd(width), 'perf', 'a11y', 'best', 'seo'].join(' | ');
console.log(`Lighthouse, mobile, ${server.url}`);
console.log(header);
console.log(header.replace(/[^|]/g, '-'));
for (const { page, scores } of reports) {
  console.log([page.padEnd(width), ...scores.map((score) => String(score).padStart(4))].join(' | '));
}
for (const { page, lost } of reports.filter((report) => report.lost.length > 0)) {
  console.log(`\n${page}`);
  for (const line of lost) console.log(`  ${line}`);
}
