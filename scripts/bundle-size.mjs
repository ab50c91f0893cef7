// Measures what a first visit downloads: the JavaScript that dist/index.html loads up front
// (entry script and modulepreloads), gzip-compressed. Lazy chunks and workers are not counted.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export function initialJs(distDir = 'dist') {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let gzipBytes = 0;
  let rawBytes = 0;
  const texts = [];
  for (const f of files) {
    const buf = readFileSync(join(distDir, f));
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 9 }).length;
    texts.push(buf.toString('utf8'));
  }
  return { files, rawBytes, gzipBytes, text: texts.join('\n') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, rawBytes, gzipBytes } = initialJs(process.argv[2]);
  console.log(JSON.stringify({ files, initialJsKB: +(rawBytes / 1024).toFixed(1), initialJsGzipKB: +(gzipBytes / 1024).toFixed(1) }));
}
