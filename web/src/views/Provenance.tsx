// "Every number opens its source": a number is a button that opens a dialog with the scenario's annotation (its
// source, or the assumption and range behind it) or, for a model output, how it was computed.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { Provenance } from '../protocol.js';

/** Opens a number's provenance dialog; provided by the App. */
export const ProvenanceContext = createContext<(p: Provenance) => void>(() => undefined);

/** A number that opens its provenance. `text` is what is shown; `p.label` names it for screen readers. */
export function Num({ p, text, className }: { p: Provenance; text: string; className?: string }) {
  const open = useContext(ProvenanceContext);
  return (
    <button type="button" class={`num ${className ?? ''}`} onClick={() => open(p)} aria-label={`${p.label}: ${text}. Show where this number comes from`} aria-haspopup="dialog">
      {text}
    </button>
  );
}

const KIND_TEXT: Record<Provenance['kind'], string> = {
  sourced: 'Sourced value',
  assumed: 'Assumption',
  bare: 'Not annotated in the scenario',
  computed: 'Model output',
};

/** The dialog that shows one number's provenance; closes with Escape or its button. */
export function ProvenanceDialog({ p, onClose }: { p: Provenance | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p && !d.open) d.showModal();
    if (!p && d.open) d.close();
  }, [p]);
  return (
    <dialog ref={ref} class="provenance" aria-labelledby="provenance-title" onClose={onClose}>
      {p && (
        <div>
          <h2 id="provenance-title">{p.label}</h2>
          <p class={`kind kind-${p.kind}`}>{KIND_TEXT[p.kind]}</p>
          <dl>
            <dt>Value</dt>
            <dd>{String(+p.value.toPrecision(6))}</dd>
            {p.path && (<><dt>Parameter</dt><dd><code>{p.path}</code></dd></>)}
            {p.source && (
              <>
                <dt>Source</dt>
                <dd>
                  {p.source.url ? <a href={p.source.url} rel="noreferrer" target="_blank">{p.source.title}</a> : p.source.title}
                  {p.source.publisher ? `, ${p.source.publisher}` : ''}
                  {p.source.year ? ` (${p.source.year})` : ''}
                  {p.source.note && <Para>{p.source.note}</Para>}
                </dd>
              </>
            )}
            {p.assumption && (<><dt>Assumption</dt><dd>{p.assumption}</dd></>)}
            {p.range && (<><dt>Range</dt><dd>{p.range[0]} to {p.range[1]}{p.dist ? ` (${p.dist})` : ''}</dd></>)}
            {p.note && (<><dt>Note</dt><dd>{p.note}</dd></>)}
            {p.method && (<><dt>How it was computed</dt><dd>{p.method}</dd></>)}
          </dl>
          <button type="button" class="close" onClick={onClose}>Close</button>
        </div>
      )}
    </dialog>
  );
}

const Para = ({ children }: { children: ComponentChildren }) => <span class="para">{children}</span>;
