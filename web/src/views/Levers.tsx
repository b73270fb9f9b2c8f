// The levers: the policy, each of its levers' effect sizes and switch adherences, North Korea's type and
// P(nuclear | war). Every move goes to the worker, which re-runs the crisis runs.
import type { LeverView, ScenarioView, Settings } from '../protocol.js';
import { Num } from './Provenance.js';

interface Props {
  view: ScenarioView;
  settings: Settings;
  onChange: (s: Settings) => void;
}

const effectOf = (l: LeverView, s: Settings) => s.effects[l.id] ?? l.effect.value;

function Slider(props: { id: string; label: string; value: number; min: number; max: number; step: number; onInput: (v: number) => void; describedBy?: string }) {
  return (
    <input
      id={props.id}
      type="range"
      min={props.min}
      max={props.max}
      step={props.step}
      value={props.value}
      aria-label={props.label}
      aria-valuetext={props.value.toFixed(2)}
      aria-describedby={props.describedBy}
      onInput={(e) => props.onInput(Number((e.currentTarget as HTMLInputElement).value))}
    />
  );
}

/** The levers panel; `onChange` gets the whole new setting on every move. Example: `<Levers view={v} settings={s} onChange={run} />`. */
export function Levers({ view, settings, onChange }: Props) {
  const policy = view.policies.find((p) => p.id === settings.policy)!;
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  const nuclear = view.nuclearGivenWar;
  const [nLo, nHi] = nuclear.range ?? [0, 1];
  return (
    <section class="panel levers" aria-labelledby="levers-title">
      <h2 id="levers-title">Levers</h2>
      <label class="field">
        <span>Policy</span>
        <select value={settings.policy} onChange={(e) => set({ policy: (e.currentTarget as HTMLSelectElement).value, effects: {}, adherence: {} })}>
          {view.policies.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
        </select>
      </label>
      <p class="policy-text">{policy.description}</p>
      {policy.costs && <p class="policy-costs"><strong>Costs:</strong> {policy.costs}</p>}
      {policy.changes.length === 0 && policy.switches.length === 0 && <p class="muted">The status quo moves no lever: choose a policy to see its levers.</p>}
      {policy.changes.length > 0 && (
        <fieldset>
          <legend>Its levers and their effect sizes</legend>
          {policy.changes.map((c, k) => {
            const lever = view.levers.find((l) => l.id === c.lever)!;
            const e = effectOf(lever, settings);
            const [lo, hi] = lever.effect.range ?? [0, 2];
            const id = `lever-${policy.id}-${k}`;
            return (
              <div class="lever" key={id}>
                <label for={id}>{lever.description}</label>
                <div class="lever-line" id={`${id}-desc`}>
                  now <Num p={lever.parameter} text={String(+lever.parameter.value.toPrecision(3))} />, policy {c.verb} <Num p={c.amount} text={String(c.amount.value)} />; effect size{' '}
                  <Num p={{ ...lever.effect, value: e, label: `Effect size of “${lever.description}” (scenario value ${lever.effect.value})` }} text={e.toFixed(2)} />
                </div>
                <Slider id={id} label={`Effect size of ${lever.description}`} describedBy={`${id}-desc`} value={e} min={lo} max={hi} step={0.05} onInput={(v) => set({ effects: { ...settings.effects, [lever.id]: v } })} />
              </div>
            );
          })}
        </fieldset>
      )}
      {policy.switches.length > 0 && (
        <fieldset>
          <legend>Its strategy switches: how far each is carried</legend>
          {policy.switches.map((sw) => {
            const a = settings.adherence[sw.actor] ?? sw.adherence.value;
            const id = `adherence-${policy.id}-${sw.actor}`;
            return (
              <div class="lever" key={id}>
                <label for={id}>{sw.actor} plays {sw.strategy}{sw.targets ? ` toward ${sw.targets.join(', ')}` : ''}</label>
                <div class="lever-line">adherence <Num p={{ ...sw.adherence, value: a }} text={a.toFixed(2)} /></div>
                <Slider id={id} label={`Adherence of ${sw.actor} to ${sw.strategy}`} value={a} min={0} max={1} step={0.05} onInput={(v) => set({ adherence: { ...settings.adherence, [sw.actor]: v } })} />
              </div>
            );
          })}
        </fieldset>
      )}
      {view.structural.map((u) => (
        <fieldset key={u.id} class="radios">
          <legend>{u.title}</legend>
          {u.alternatives.map((alt) => (
            <label key={alt.id} class="radio" title={alt.description}>
              <input type="radio" name={u.id} value={alt.id} checked={(settings.structural[u.id] ?? u.default) === alt.id} onChange={() => set({ structural: { ...settings.structural, [u.id]: alt.id } })} />
              {alt.title}
            </label>
          ))}
        </fieldset>
      ))}
      <div class="lever">
        <label for="nuclear-given-war">P(nuclear use | war)</label>
        <div class="lever-line" id="nuclear-given-war-desc">
          elicited assumption, now <Num p={{ ...nuclear, value: settings.nuclearGivenWar }} text={settings.nuclearGivenWar.toFixed(2)} />
        </div>
        <Slider id="nuclear-given-war" label="P(nuclear use given war)" describedBy="nuclear-given-war-desc" value={settings.nuclearGivenWar} min={nLo} max={nHi} step={0.01} onInput={(v) => set({ nuclearGivenWar: v })} />
      </div>
    </section>
  );
}
