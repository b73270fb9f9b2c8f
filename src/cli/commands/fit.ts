import { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { envelope, intOption, numberOption, printJson } from '../output.js';
import { asInput, choice, columns, nameList, readTable } from '../fit/data.js';
import { fmt, printStats, printTable } from '../fit/print.js';
import type { Coefficient } from '../../estimate/ols.js';
import type { VarCliOptions } from '../fit/var.js';
import type { CsvCell } from '../csvFile.js';

/**
 * `flashpoints fit ols|var|richardson|counts`: the estimators of DESIGN.md §3.4 on a CSV file with a header.
 * Registration imports only light modules; the estimators are imported inside each action.
 */
export function registerFit(program: Command): void {
  const fit = program
    .command('fit')
    .description('Fit OLS, VAR, Richardson and count models to a CSV file (docs/estimation.md)');

  fit
    .command('ols')
    .description('Ordinary least squares by QR: coefficients, standard errors, t, p, R², F')
    .requiredOption('--data <file>', 'CSV file with a header row')
    .requiredOption('--y <column>', 'dependent variable')
    .requiredOption('--x <columns>', 'regressors, comma-separated (a constant is added first)', nameList('--x'))
    .option('--robust', 'HC1 heteroskedasticity-robust standard errors and Wald F', false)
    .option('--csv <file>', CSV_HELP)
    .option('--json', 'print one JSON document')
    .action(async (o: { data: string; y: string; x: string[]; robust: boolean; csv?: string; json?: boolean }) => {
      const { ols } = await import('../../estimate/ols.js');
      await checkCsv(o.csv, o.data);
      const [y, ...x] = await columns(await readTable(o.data), [o.y, ...o.x]);
      const r = asInput(() => ols(y, x, { names: o.x, robust: o.robust }));
      await writeCoefficients(o.csv, async ({ coefficientRows }) => coefficientRows('ols', o.y, r.coefficients));
      const payload = {
        n: r.n, df: r.df, coefficients: r.coefficients, r2: r.r2, adjR2: r.adjR2, fStat: r.fStat, fP: r.fP,
        logLik: r.logLik, aic: r.aic, bic: r.bic, covType: r.covType,
      };
      if (o.json) return printJson({ ...envelope('fit ols', { options: { data: o.data, y: o.y, x: o.x, robust: o.robust } }), ...payload });
      await printCoefficients(r.coefficients);
      printStats({ n: r.n, 'residual df': r.df, 'R²': r.r2, 'adj. R²': r.adjR2, F: r.fStat, 'p(F)': r.fP, covariance: r.covType });
    });

  fit
    .command('var')
    .description('Vector autoregression with constant: lag selection, Granger tests, impulse responses')
    .requiredOption('--data <file>', 'CSV file with a header row, one row per period')
    .requiredOption('--vars <columns>', 'the variables, comma-separated (their order is the Cholesky order)', nameList('--vars'))
    .option('--lags <p>', "lag order, or 'auto' to select it by --criterion over 0..--max-lags", lagsOption, 'auto' as const)
    .option('--max-lags <m>', 'largest lag order tried by --lags auto (default: 8, or fewer when rows are short)', intOption('--max-lags', 0, 100))
    .addOption(new Option('--criterion <c>', 'criterion for --lags auto').argParser(choice('--criterion', ['aic', 'bic', 'hqic', 'fpe'] as const)).default('aic'))
    .option('--irf <h>', 'impulse responses for horizons 0..h', intOption('--irf', 0, 1000))
    .option('--bands <n>', 'with --irf: percentile bands from n residual-bootstrap replications (seeded by --seed)', intOption('--bands', 2, 1_000_000))
    .option('--seed <s>', 'seed of the bootstrap streams', intOption('--seed', 0), 1)
    .option('--fevd <h>', 'forecast error variance decomposition for horizons 1..h', intOption('--fevd', 1, 1000))
    .option('--forecast <steps>', 'forecasts for the next steps, with MSE-based intervals', intOption('--forecast', 1, 1000))
    .option('--alpha <a>', 'forecast intervals and IRF bands cover 1 − a', numberOption('--alpha', 1e-9, 1 - 1e-9), 0.05)
    .option('--whiteness-lags <h>', 'lags of the portmanteau tests (default: max(10, p + 1))', intOption('--whiteness-lags', 1, 1000))
    .option('--arch-lags <q>', 'lags of the ARCH-LM tests', intOption('--arch-lags', 1, 1000), 5)
    .option('--csv <file>', 'write the coefficient tables as tidy CSV (docs/cli.md#csv-tables)')
    .option('--json', 'print one JSON document')
    .action(async (o: VarCliOptions) => (await import('../fit/var.js')).runVar(o));

  fit
    .command('richardson')
    .description("Richardson arms-race fits: per-stock elasticity form, or Richardson's pooled two-bloc form")
    .requiredOption('--data <file>', 'CSV file with a header row, one row per period')
    .requiredOption('--actors <U,V>', 'the two capability columns', nameList('--actors'))
    .option('--pooled', "Richardson's pooled form: Δ(U+V) on the mean of consecutive U+V", false)
    .addOption(new Option('--form <form>', 'per-stock form: levels, first differences, or with a trend').argParser(choice('--form', ['levels', 'diff', 'trend'] as const)).default('levels'))
    .option('--dt <years>', 'years between rows, for the continuous-time reading', numberOption('--dt', 1e-9), 1)
    .option('--csv <file>', CSV_HELP)
    .option('--json', 'print one JSON document')
    .action(async (o: RichardsonCliOptions) => runRichardson(o));

  fit
    .command('counts')
    .description('Poisson or negative binomial (NB2) regression of event counts, with exposure and lags')
    .requiredOption('--data <file>', 'CSV file with a header row, one row per period')
    .requiredOption('--y <column>', 'the counts (non-negative integers)')
    .requiredOption('--x <columns>', "regressors, comma-separated; 'col:L' is col lagged L rows", nameList('--x'))
    .addOption(new Option('--family <f>', 'count distribution').argParser(choice('--family', ['poisson', 'negbin'] as const)).default('poisson'))
    .option('--exposure <column>', 'exposure column (e.g. days in the period): the rate is per unit of it')
    .option('--csv <file>', CSV_HELP)
    .option('--json', 'print one JSON document')
    .action(async (o: CountsCliOptions) => runCounts(o));
}

function lagsOption(raw: string): number | 'auto' {
  return raw === 'auto' ? 'auto' : intOption("--lags (or 'auto')", 0, 100)(raw);
}

interface RichardsonCliOptions {
  data: string;
  actors: string[];
  pooled: boolean;
  form: 'levels' | 'diff' | 'trend';
  dt: number;
  csv?: string;
  json?: boolean;
}

async function runRichardson(o: RichardsonCliOptions): Promise<void> {
  if (o.actors.length !== 2) throw new InputError([`--actors needs exactly two columns, got ${o.actors.length}`], 'e.g. --actors U,V');
  const { discreteToContinuous, richardsonPerStock, richardsonPooled } = await import('../../estimate/richardson.js');
  await checkCsv(o.csv, o.data);
  const [u, v] = await columns(await readTable(o.data), o.actors);
  const options = { data: o.data, actors: o.actors, pooled: o.pooled, form: o.pooled ? null : o.form, dt: o.dt };
  let payload: Record<string, unknown>;
  if (o.pooled) {
    const r = asInput(() => richardsonPooled(u, v));
    payload = { actors: o.actors, pooled: { slope: r.slope, intercept: r.intercept, stopLevel: r.stopLevel, ...fitSummary(r.fit) }, warnings: [] };
    await writeCoefficients(o.csv, async ({ coefficientRows }) => coefficientRows('richardson-pooled', `${o.actors[0]}+${o.actors[1]}`, r.fit.coefficients));
    if (!o.json) {
      await printCoefficients(r.fit.coefficients);
      printStats({ slope: r.slope, intercept: r.intercept, 'U+V where growth stops': r.stopLevel, n: r.fit.n, 'R²': r.fit.r2 });
    }
  } else {
    const r = asInput(() => richardsonPerStock(u, v, { names: [o.actors[0], o.actors[1]], form: o.form }));
    const d = asInput(() => discreteToContinuous(u.map((x, t) => [x, v[t]]), o.dt));
    const warnings = [...r.warnings, ...(d.A ? [] : ['the fitted discrete map has an eigenvalue ≤ 0: no continuous-time reading'])];
    const perStock = r.fits.map((f) => ({ actor: f.actor, rival: f.rival, drive: f.drive, reaction: f.reaction, fatigue: f.fatigue, ...fitSummary(f.fit) }));
    payload = { actors: o.actors, form: o.form, perStock, discrete: d, warnings };
    await writeCoefficients(o.csv, async ({ coefficientRows }) => perStock.flatMap((f) => coefficientRows(`richardson-${o.form}`, f.actor, f.coefficients)));
    if (!o.json) {
      for (const f of perStock) {
        process.stdout.write(`${f.actor} (rival ${f.rival}), ${o.form}:\n`);
        await printCoefficients(f.coefficients);
        printStats({ 'drive g': f.drive, 'reaction ε': f.reaction, 'fatigue a': f.fatigue, n: f.n, 'R²': f.r2 });
      }
      const rowsOf = (m: number[][] | null) => (m ? m.map((row) => row.map(fmt).join('  ')).join(' | ') : '—');
      printStats({ 'discrete M': rowsOf(d.M), 'discrete c': d.c.map(fmt).join('  '), [`continuous A (per ${o.dt} y)`]: rowsOf(d.A), 'continuous b': d.b ? d.b.map(fmt).join('  ') : '—' });
    }
  }
  if (o.json) return printJson({ ...envelope('fit richardson', { options }), ...payload });
  for (const w of payload.warnings as string[]) process.stderr.write(`warning: ${w}\n`);
}

function fitSummary(f: { n: number; df: number; r2: number; adjR2: number; coefficients: Coefficient[] }) {
  return { n: f.n, df: f.df, r2: f.r2, adjR2: f.adjR2, coefficients: f.coefficients };
}

async function printCoefficients(rows: { name: string; estimate: number; stdError: number; t?: number; z?: number; p: number }[]) {
  const stat = rows[0]?.z !== undefined ? 'z' : 't';
  await printTable(['', 'estimate', 'std. error', stat, 'p'], rows.map((c) => [c.name, c.estimate, c.stdError, (c.t ?? c.z)!, c.p]));
}

interface CountsCliOptions {
  data: string;
  y: string;
  x: string[];
  family: 'poisson' | 'negbin';
  exposure?: string;
  csv?: string;
  json?: boolean;
}

async function runCounts(o: CountsCliOptions): Promise<void> {
  const [{ fitCounts }, { alignLags, parseLagSpec }] = await Promise.all([import('../../estimate/counts.js'), import('../../estimate/lags.js')]);
  const specs = o.x.map(parseLagSpec);
  await checkCsv(o.csv, o.data);
  const table = await readTable(o.data);
  const names = [...new Set([o.y, ...specs.map((s) => s.column), ...(o.exposure ? [o.exposure] : [])])];
  const cols = await columns(table, names);
  const aligned = asInput(() => alignLags(Object.fromEntries(names.map((n, i) => [n, cols[i]])), o.y, specs, o.exposure ? [o.exposure] : []));
  const { y, x } = aligned;
  const exposure = o.exposure ? aligned.same[0] : undefined;
  const r = asInput(() => fitCounts(y, x, { family: o.family, names: o.x, exposure }));
  await writeCoefficients(o.csv, async ({ coefficientRows }) => coefficientRows(o.family, o.y, r.coefficients));
  const payload = {
    family: r.family, n: r.n, df: r.df, coefficients: r.coefficients, ...(r.alpha ? { alpha: r.alpha } : {}),
    logLik: r.logLik, aic: r.aic, bic: r.bic,
  };
  if (o.json) return printJson({ ...envelope('fit counts', { options: { data: o.data, y: o.y, x: o.x, family: o.family, exposure: o.exposure ?? null } }), ...payload });
  await printCoefficients(r.coefficients);
  printStats({ family: r.family, n: r.n, ...(r.alpha ? { alpha: r.alpha.estimate, 'se(alpha)': r.alpha.stdError } : {}), logLik: r.logLik, AIC: r.aic, BIC: r.bic });
}

const CSV_HELP = 'write the coefficient table as tidy CSV (docs/cli.md#csv-tables)';

/** Refuses a --csv path equal to the --data file before any work. */
async function checkCsv(csv: string | undefined, data: string): Promise<void> {
  if (csv) (await import('../csvFile.js')).checkOutputPath(csv, [data]);
}

/** Writes the tidy coefficient rows that `rows` builds to --csv (nothing without it). */
async function writeCoefficients(csv: string | undefined, rows: (tidy: typeof import('../tidy.js')) => Promise<CsvCell[][]>): Promise<void> {
  if (!csv) return;
  const [tidy, { writeCsvFile }] = await Promise.all([import('../tidy.js'), import('../csvFile.js')]);
  writeCsvFile(csv, tidy.TIDY_COEFFICIENT_COLUMNS, await rows(tidy));
}
