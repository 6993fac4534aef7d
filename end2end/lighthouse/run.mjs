#!/usr/bin/env node
// Lighthouse and page-weight check of the public pages (issue 6, targets 3 and 4).
//
// Runs Lighthouse (mobile form factor, simulated throttling: its defaults) with Debian's Chromium
// RUNS times on each page of a running portal, takes the median of each category's score, and
// from the same runs the first view's transfer size of everything but images (HTML, CSS, JS,
// WASM, fonts…) and of the WASM alone. Prints one table and exits 1 when a median is below its
// target or a page is over its budget, with the audits that cost the points; 2 when it could not
// run. `.ci/lighthouse` starts the release server and calls this.
//
//   node lighthouse/run.mjs --base http://127.0.0.1:PORT [--out DIR]
//
// Environment: CHROME_PATH (default /usr/bin/chromium), LH_RUNS (default 3), LH_PAGES (a comma
// separated list of paths instead of the default eight), LH_SITE_SLUG (the site page measured;
// default the first site of /en/sites).

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const TARGETS = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};
const CATEGORY_NAMES = {
  performance: 'Perf',
  accessibility: 'A11y',
  'best-practices': 'BP',
  seo: 'SEO',
};
// Budgets of the first view, images aside, and of the WASM alone, in transferred (compressed)
// bytes.
export const WEIGHT_BUDGET = 120 * 1024;
export const WASM_BUDGET = 80 * 1024;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

const { values: args } = parseArgs({
  options: { base: { type: 'string' }, out: { type: 'string' } },
});
if (!args.base) {
  console.error('usage: run.mjs --base http://127.0.0.1:PORT [--out DIR]');
  process.exit(2);
}
const base = args.base.replace(/\/$/, '');
const runs = Number(process.env.LH_RUNS || 3);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

function log(message) {
  console.error(`[lighthouse] ${message}`);
}

/** The slug of the site page to measure: LH_SITE_SLUG, or the first site /en/sites links to. */
async function siteSlug() {
  if (process.env.LH_SITE_SLUG) return process.env.LH_SITE_SLUG;
  const response = await fetch(`${base}/en/sites`);
  const html = await response.text();
  const match = html.match(/href="\/en\/sites\/([a-z0-9-]+)"/);
  if (!match) throw new Error(`${base}/en/sites links to no site page`);
  return match[1];
}

async function pages() {
  if (process.env.LH_PAGES) return process.env.LH_PAGES.split(',').map((p) => p.trim());
  const slug = await siteSlug();
  return ['en', 'ar'].flatMap((lang) => [
    `/${lang}`,
    `/${lang}/sites`,
    `/${lang}/sites/${slug}`,
    `/${lang}/inquire`,
  ]);
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Transferred bytes of a run: everything but images and media, and the WASM alone. */
function weight(lhr) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  let total = 0;
  let wasm = 0;
  const parts = {};
  const uncompressed = [];
  for (const item of items) {
    if (item.resourceType === 'Image' || item.resourceType === 'Media') continue;
    const size = item.transferSize || 0;
    const isWasm = item.mimeType === 'application/wasm' || /\.wasm(\?|$)/.test(item.url);
    const kind = isWasm ? 'WASM' : item.resourceType || 'Other';
    parts[kind] = (parts[kind] || 0) + size;
    total += size;
    if (isWasm) wasm += size;
    // A text resource sent as is: the budget means compressed bytes.
    if ((item.resourceSize || 0) > 2048 && size >= 0.95 * item.resourceSize) {
      uncompressed.push(`${item.url} (${item.resourceSize} B sent as ${size} B)`);
    }
  }
  return { total, wasm, parts, uncompressed };
}

/** The audits of a category that lost points in a run, most costly first. */
function failingAudits(lhr, category) {
  const refs = lhr.categories[category].auditRefs;
  const skip = new Set(['notApplicable', 'informative', 'manual']);
  return refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && !skip.has(audit.scoreDisplayMode) && audit.score !== null)
    .filter(({ ref, audit }) => audit.score < (category === 'performance' ? 0.9 : 1) &&
      (ref.weight > 0 || category !== 'performance'))
    .sort((a, b) => b.ref.weight * (1 - b.audit.score) - a.ref.weight * (1 - a.audit.score))
    .map(({ audit }) => {
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      const nodes = (audit.details?.items ?? [])
        .map((item) => {
          const where = item.node?.selector || item.url || item.sourceLocation?.url || item.source?.url;
          const what = item.description || item.node?.snippet;
          return [where, what].filter(Boolean).join(': ').slice(0, 300);
        })
        .filter(Boolean)
        .slice(0, 4);
      const where = nodes.length ? `\n          at ${nodes.join('\n          at ')}` : '';
      return `${audit.id}: ${audit.title}${value}${where}`;
    });
}

async function runOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(TARGETS),
    });
    if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result;
  } finally {
    await chrome.kill();
  }
}

function fileName(pagePath, run) {
  return `${pagePath.replace(/^\//, '').replace(/[^a-zA-Z0-9]+/g, '_') || 'root'}-${run}.json`;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const started = Date.now();
  const out = args.out;
  if (out) {
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
  }
  const list = await pages();
  const results = [];
  for (const pagePath of list) {
    const url = base + pagePath;
    const lhrs = [];
    for (let run = 1; run <= runs; run++) {
      const { lhr, report } = await runOnce(url);
      if (out) fs.writeFileSync(path.join(out, fileName(pagePath, run)), report);
      if (lhr.runtimeError) {
        log(`${pagePath} run ${run}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      }
      const scores = Object.keys(TARGETS).map(
        (c) => `${CATEGORY_NAMES[c]} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`,
      );
      log(`${pagePath} run ${run}/${runs}: ${scores.join(', ')}`);
      lhrs.push(lhr);
    }
    const row = { path: pagePath, medians: {}, failures: [], lhrs };
    for (const category of Object.keys(TARGETS)) {
      const scores = lhrs.map((lhr) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
      const value = median(scores);
      row.medians[category] = value;
      if (value < TARGETS[category]) {
        // The audits of the run whose score is the median one.
        const at = scores.indexOf(scores.includes(value) ? value : Math.min(...scores));
        row.failures.push({ category, value, audits: failingAudits(lhrs[at], category) });
      }
    }
    // Every run is a first view (Lighthouse empties the cache): the heaviest one counts.
    const weights = lhrs.map(weight);
    row.weight = weights.reduce((a, b) => (b.total > a.total ? b : a));
    row.wasm = Math.max(...weights.map((w) => w.wasm));
    row.overWeight = row.weight.total > WEIGHT_BUDGET;
    row.overWasm = row.wasm > WASM_BUDGET;
    results.push(row);
  }

  // The table.
  const head = ['page', ...Object.keys(TARGETS).map((c) => `${CATEGORY_NAMES[c]} ≥${TARGETS[c]}`),
    `weight ≤${WEIGHT_BUDGET / 1024} KB`, `WASM ≤${WASM_BUDGET / 1024} KB`];
  const mark = (ok) => (ok ? '✓' : '✗');
  const rows = results.map((r) => [
    r.path,
    ...Object.keys(TARGETS).map((c) => `${r.medians[c]} ${mark(r.medians[c] >= TARGETS[c])}`),
    `${kb(r.weight.total)} ${mark(!r.overWeight)}`,
    `${kb(r.wasm)} ${mark(!r.overWasm)}`,
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log();
  console.log(`Lighthouse ${results[0]?.lhrs[0]?.lighthouseVersion} on ${results[0]?.lhrs[0]?.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, ` +
    `mobile, simulated throttling; median of ${runs} runs; weight: first view, images aside, transferred bytes`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log();

  let failed = false;
  for (const r of results) {
    const parts = Object.entries(r.weight.parts)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
      .join(', ');
    console.log(`${r.path}: ${parts}`);
    for (const entry of r.weight.uncompressed) console.log(`  not compressed: ${entry}`);
  }
  for (const r of results) {
    for (const f of r.failures) {
      failed = true;
      console.log(`\n✗ ${r.path}: ${f.category} ${f.value} < ${TARGETS[f.category]}`);
      for (const audit of f.audits) console.log(`    ${audit}`);
    }
    if (r.overWeight) {
      failed = true;
      console.log(`\n✗ ${r.path}: first view ${kb(r.weight.total)} > ${kb(WEIGHT_BUDGET)}`);
    }
    if (r.overWasm) {
      failed = true;
      console.log(`\n✗ ${r.path}: WASM ${kb(r.wasm)} > ${kb(WASM_BUDGET)}`);
    }
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(`\n${failed ? 'FAILED' : 'passed'}: ${results.length} pages × ${runs} runs in ${minutes} min` +
    (out ? `; reports in ${out}` : ''));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`lighthouse: ${err.stack || err}`);
    process.exit(2);
  },
);
