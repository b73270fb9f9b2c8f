// The app: levers on the left, the risk panel, map, alignment network and arms trajectories beside them, the
// stored policy comparison below. The core runs in a Web Worker; this file only routes settings and results.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArmsView, Provenance, Response, ScenarioView, Settings } from './protocol.js';
import { ArmsPanel } from './views/ArmsView.js';
import { Comparison } from './views/Comparison.js';
import { Levers } from './views/Levers.js';
import { MapView } from './views/MapView.js';
import { NetworkView } from './views/NetworkView.js';
import { ProvenanceContext, ProvenanceDialog } from './views/Provenance.js';
import { pairsAt } from './views/relations.js';
import { RiskPanel, type RiskState } from './views/RiskPanel.js';

/** Crisis runs per lever move, and their seed (the CLI's default seed). */
export const APP_RUNS = 1000;
export const APP_SEED = 1;
/** Helper workers beside the core's worker: one per further core, at most three (results do not depend on it). */
export const helperCount = (): number => Math.max(0, Math.min(3, (navigator.hardwareConcurrency || 1) - 1));
/** Performance measures from a lever move to the frame that shows the bands of all runs, and of the first batch. */
export const LEVER_MEASURE = 'flashpoints:lever-to-bands';
export const FIRST_BATCH_MEASURE = 'flashpoints:lever-to-first-bands';

/** The whole page: starts the core's worker and its helpers, holds the settings, routes results to the views. */
export function App() {
  const worker = useRef<Worker | null>(null);
  const [view, setView] = useState<ScenarioView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [risk, setRisk] = useState<RiskState | null>(null);
  const [arms, setArms] = useState<ArmsView | null>(null);
  const [year, setYear] = useState(0);
  const [shown, setShown] = useState<Provenance | null>(null);
  // Request ids of the newest risk and arms requests; `move` counts lever moves (the tests and bench wait on it).
  const latest = useRef({ risk: 0, arms: 0, next: 1, move: 0, riskMove: 0 });
  const moveStarted = useRef<number | null>(null);

  useEffect(() => {
    const w = new Worker(new URL('./worker/core.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const helpers = Array.from({ length: helperCount() }, () => {
      const h = new Worker(new URL('./worker/batch.worker.ts', import.meta.url), { type: 'module' });
      const channel = new MessageChannel();
      h.postMessage({ type: 'serve', port: channel.port2 }, [channel.port2]);
      w.postMessage({ type: 'helper', port: channel.port1 }, [channel.port1]);
      return h;
    });
    w.onmessage = (e: MessageEvent<Response>) => {
      const m = e.data;
      if (m.type === 'ready') {
        setView(m.scenario);
        setSettings({ policy: 'status-quo', effects: {}, adherence: {}, structural: {}, nuclearGivenWar: m.scenario.nuclearGivenWar.value, runs: APP_RUNS, seed: APP_SEED });
      } else if (m.type === 'risk' && m.id === latest.current.risk) {
        setRisk({ summary: m.summary, done: m.done, total: m.total, ms: m.ms, final: m.final, move: latest.current.riskMove });
      } else if (m.type === 'arms' && m.id === latest.current.arms) {
        setArms(m.arms);
      } else if (m.type === 'error') {
        setError(m.message);
      }
    };
    w.onerror = (e) => setError(`the core's worker failed: ${e.message}`);
    return () => { w.terminate(); helpers.forEach((h) => h.terminate()); };
  }, []);

  // Every settings change (a lever move) re-runs the crisis runs and the arms model in the worker.
  useEffect(() => {
    if (!settings || !worker.current) return;
    const ids = latest.current;
    ids.risk = ids.next++;
    ids.arms = ids.next++;
    ids.riskMove = ids.move;
    worker.current.postMessage({ type: 'risk', id: ids.risk, settings });
    worker.current.postMessage({ type: 'arms', id: ids.arms, settings });
  }, [settings]);

  // Time a lever move to the frame that shows the first batch's bands, and the bands of all runs (bench/app.ts).
  const firstShown = useRef(false);
  useEffect(() => {
    const start = moveStarted.current;
    if (!risk || start === null || risk.move !== latest.current.move) return;
    if (!firstShown.current) {
      firstShown.current = true;
      requestAnimationFrame(() => performance.measure(FIRST_BATCH_MEASURE, { start, end: performance.now() }));
    }
    if (!risk.final) return;
    moveStarted.current = null;
    requestAnimationFrame(() => performance.measure(LEVER_MEASURE, { start, end: performance.now() }));
  }, [risk]);

  const onChange = useCallback((s: Settings) => {
    moveStarted.current = performance.now();
    firstShown.current = false;
    latest.current.move++;
    setSettings(s);
  }, []);
  const pairs = useMemo(() => (view ? pairsAt(view, arms, year) : []), [view, arms, year]);

  if (error) return <main class="app"><h1>Flashpoints</h1><p class="notice" role="alert">The model could not start: {error}</p></main>;
  if (!view || !settings) return <main class="app"><h1>Flashpoints</h1><p role="status">Loading the Korea scenario into the core…</p></main>;
  const startYear = Number((view.asOf ?? '2024').slice(0, 4));
  const years = (arms?.years.length ?? 11) - 1;
  return (
    <ProvenanceContext.Provider value={setShown}>
      <main class="app" data-helpers={helperCount()}>
        <header class="top">
          <h1>Flashpoints: {view.title}</h1>
          <p class="muted">Move a lever and watch the risk, the arms race and the alignments respond: {APP_RUNS.toLocaleString('en-US')} crisis runs in your browser per move. Every number is a button that shows its source or assumption. Scenario <code>{view.id}</code>, hash <code title={view.hash}>{view.hash.slice(0, 12)}</code>, flashpoints {view.version}.</p>
        </header>
        <div class="layout">
          <Levers view={view} settings={settings} onChange={onChange} />
          <div class="views">
            <RiskPanel risk={risk} view={view} settings={settings} startYear={startYear} />
            <section class="panel" aria-labelledby="map-title">
              <h2 id="map-title">The theatre</h2>
              <MapView view={view} pairs={pairs} year={year} />
            </section>
            <section class="panel" aria-labelledby="network-title">
              <h2 id="network-title">Alignment network</h2>
              <NetworkView view={view} pairs={pairs} year={year} years={years} onYear={setYear} />
            </section>
            <ArmsPanel arms={arms} view={view} startYear={startYear} />
          </div>
        </div>
        <Comparison scenarioId={view.id} />
        <ProvenanceDialog p={shown} onClose={() => setShown(null)} />
      </main>
    </ProvenanceContext.Provider>
  );
}
