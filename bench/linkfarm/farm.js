// A local web of HOSTS servers on 127.0.0.1 (ports BASE .. BASE+HOSTS-1), each answering every
// request after DELAY_MS with a small HTML page, plus an index page on BASE-1 that links every URL
// (what linkinator is pointed at) and urls.txt (what the portal's checker reads).
// Usage: node farm.js [hosts=200] [urlsPerHost=50] [delayMs=50] [base=21000]
// Faults (environment): FARM_REFUSE_EVERY=N leaves every Nth host's port closed (connections refused),
// FARM_REFUSE_ALL=1 closes them all, FARM_404_EVERY=N answers 404 for every Nth page of each host.
'use strict';
const http = require('http');
const fs = require('fs');

const [hosts, perHost, delayMs, base] = [200, 50, 50, 21000].map((d, i) => Number(process.argv[2 + i] ?? d));
const urls = [];
for (let h = 0; h < hosts; h++) for (let u = 0; u < perHost; u++) urls.push(`http://127.0.0.1:${base + h}/page/${u}`);
fs.writeFileSync(`${__dirname}/../out/farm-urls.txt`, urls.join('\n') + '\n');

const refuseEvery = Number(process.env.FARM_REFUSE_EVERY ?? 0);
const refuseAll = process.env.FARM_REFUSE_ALL === '1';
const notFoundEvery = Number(process.env.FARM_404_EVERY ?? 0);
const refused = h => refuseAll || (refuseEvery > 0 && h % refuseEvery === refuseEvery - 1);
const gone = url => notFoundEvery > 0 && Number(url.split('/').pop()) % notFoundEvery === notFoundEvery - 1;

let served = 0, inFlight = 0, maxInFlight = 0;
for (let h = 0; h < hosts; h++) {
  if (refused(h)) continue;
  http.createServer((req, res) => {
    inFlight++;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    setTimeout(() => {
      served++;
      inFlight--;
      const body = `<!doctype html><html><head><title>Host ${h} ${req.url}</title></head><body>page</body></html>`;
      res.writeHead(gone(req.url) ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    }, delayMs);
  }).listen(base + h, '127.0.0.1');
}

const index = `<!doctype html><html><head><title>farm</title></head><body>\n${urls.map(u => `<a href="${u}">${u}</a>`).join('\n')}\n</body></html>`;
http.createServer((req, res) => {
  if (req.url === '/served') { res.end(`${served} ${maxInFlight}`); return; }
  if (req.url === '/reset') { served = 0; maxInFlight = 0; res.end('ok'); return; }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(index);
}).listen(base - 1, '127.0.0.1', () => console.log(`farm: ${urls.length} URLs on ${hosts} ports from ${base}, ${delayMs} ms each; index on ${base - 1}`));
