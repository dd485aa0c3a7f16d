// linkinator 7.6.1 starts every check before it queues it (see docs/benchmarks.md), so its
// --concurrency does not bound the requests in flight. This runs linkinator's own checker on each
// URL (one crawl root each, no recursion) with at most LIMIT checks in flight, so it can be compared
// with the portal's checker at the same concurrency.
// Usage: node linkinator-bounded.mjs URLS_FILE [limit=64]   -> JSON {checked, ok, seconds}
import { readFileSync } from 'node:fs';
import { LinkChecker } from 'linkinator';

const [file, limitText = '64'] = process.argv.slice(2);
const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const limit = Number(limitText);
const checker = new LinkChecker();
let next = 0, ok = 0, checked = 0;
const started = process.hrtime.bigint();

async function worker() {
  while (next < urls.length) {
    const url = urls[next++];
    const result = await checker.check({ path: url, recurse: false, concurrency: 1 });
    checked++;
    if (result.passed) ok++;
  }
}
await Promise.all(Array.from({ length: limit }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ checked, ok, seconds }));
