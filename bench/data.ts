// Benchmark of the data importers on synthetic files the size of the real ones (ATOP's 273k dyad-years, a year
// of ICEWS events, the CNS record ×15). Run on the built JavaScript: `node dist/bench/data.js`.
import { parseAtop } from '../src/data/atop.js';
import { parseCns } from '../src/data/cns.js';
import { parseCowNmc } from '../src/data/cowNmc.js';
import { parseCsvRows } from '../src/data/csvRows.js';
import { parseEvents } from '../src/data/events.js';
import { streamFor } from '../src/math/rng/index.js';
import { measure } from './timing.js';

const rng = streamFor(2024, 5);
const int = (n: number) => Math.floor(rng.nextDouble() * n);
const pad = (v: number) => String(v).padStart(2, '0');

function atopText(rows: number): string {
  const lines = ['"ccode1","ccode2","year","atop_defense","atop_offense","atop_neutral","atop_nonagg","atop_consul"'];
  for (let k = 0; k < rows; k++) lines.push(`${k % 997},${1000 + (k % 991)},${1815 + Math.floor(k / 991)},${int(2)},${int(2)},${int(2)},${int(2)},${int(2)}`);
  return lines.join('\n') + '\n';
}

function nmcText(rows: number): string {
  const lines = ['"ccode","stateabb","statenme","year","milex","milper","irst","pec","tpop","upop","cinc"'];
  for (let k = 0; k < rows; k++) lines.push(`${1 + (k % 200)},"S${k % 200}","State ${k % 200}",${1816 + Math.floor(k / 200)},${int(1e6)},${int(1e3)},${int(1e4)},,${int(1e5)},${int(1e4)},${rng.nextDouble().toFixed(8)}`);
  return lines.join('\n') + '\n';
}

const COUNTRIES = ['North Korea', 'South Korea', 'United States', 'Japan', 'China', 'Russia', 'Australia', 'Philippines'];
const CODES = ['010', '036', '040', '042', '057', '112', '138', '173', '190', '0211'];
function icewsText(rows: number): string {
  const lines = ['"event_id","event_date","source_name","source_country","event_text","cameo_code","target_name","target_country","publisher"'];
  for (let k = 0; k < rows; k++) {
    const s = COUNTRIES[int(8)];
    const t = COUNTRIES[int(8)];
    lines.push(`${k},2018-${pad(1 + int(12))}-${pad(1 + int(28))},"Government (${s})","${s}","Some event, described","${CODES[int(10)]}","Government (${t})","${t}","Agency"`);
  }
  return lines.join('\n') + '\n';
}

function cnsJson(records: number): string {
  const data = Array.from({ length: records }, () => ({ date: `${1990 + int(36)}-${pad(1 + int(12))}-${pad(1 + int(28))}`, missile: 'scud-c', facility: 'wonsan', apogee: int(2) ? 'unknown' : int(2000), distance: int(1000), outcome: 'success', description: 'A "quoted" description, with commas.\nAnd a second line.' }));
  return JSON.stringify({ timeBins: [{ data }] }, null, '\t');
}

const goldstein = new Map([['01', 0], ['010', 0], ['036', 4], ['040', 1], ['042', 1.9], ['057', 8], ['112', -2], ['138', -7], ['173', -5], ['190', -10], ['02', 3], ['021', 3.4]]);

function timeIt(label: string, bytes: number, rows: number, runs: number, fn: () => unknown) {
  const { median } = measure(fn, { reps: runs, warmup: 0 });
  return { label, MB: +(bytes / 1e6).toFixed(2), rows, medianMs: +median.toFixed(1), MBps: +(bytes / 1e6 / (median / 1000)).toFixed(1), kRowsPerS: +(rows / median).toFixed(0) };
}

const atop = atopText(273_296);
const nmc = nmcText(17_121);
const icews = icewsText(200_000);
const cns = cnsJson(5_000);
const results = [
  timeIt('csvRows: tokenize ATOP-size file', atop.length, 273_296, 7, () => parseCsvRows(atop)),
  timeIt('atop: 273,296 dyad-years', atop.length, 273_296, 7, () => parseAtop(atop)),
  timeIt('cow-nmc: 17,121 state-years, £→$', nmc.length, 17_121, 7, () => parseCowNmc(nmc)),
  timeIt('events: 200,000 ICEWS events → monthly dyads', icews.length, 200_000, 7, () => parseEvents(icews, { goldstein })),
  timeIt('cns: 5,000 JSON records → months', cns.length, 5_000, 7, () => parseCns(cns)),
];
console.table(results);
