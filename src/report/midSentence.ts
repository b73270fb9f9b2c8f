// Labels joined into running text: a policy's title is written as a heading ("An Asian NATO", "Deterrence with
// assurance") and keeps that capital in headings, table cells and legends, but inside a sentence ("…; an Asian NATO
// raises it") its first word is lower-cased — unless that word is a proper noun or an acronym, which keep theirs.

/** Articles are capitalised mid-sentence only as part of a name ("The Diplomat"), never as names of their own. */
const ARTICLES = new Set(['A', 'An', 'The']);

const WORD = /[A-Z][a-z]+(?:['\u2019]s)?/g;
const bare = (w: string) => w.replace(/['\u2019]s$/, '');

/**
 * The proper nouns the scenario's own prose uses: every capitalised word that is not the first of its sentence in
 * the given texts (policy descriptions, the scenario's description; quoted titles of works left out), and every
 * capitalised word after the first of a title ("Asian" in "An Asian NATO"), and every capitalised word of two or more
 * letters of the actors' names ("North", "Korea", "Japan"): a country that only ever opens a sentence in the prose is
 * still a name. Example: `properNouns(['Japan opens channels to Pyongyang.'], [])` → {'Pyongyang'};
 * `properNouns(['Japan opens channels to Pyongyang.'], [], ['Japan'])` → {'Pyongyang', 'Japan'};
 * `properNouns(['… the US, Japan, South Korea …'], [])` has 'Japan'.
 */
export function properNouns(prose: readonly string[], titles: readonly string[], actorNames: readonly string[] = []): Set<string> {
  const nouns = new Set<string>();
  for (const name of actorNames) for (const m of name.matchAll(WORD)) nouns.add(bare(m[0]));
  for (const text of prose) {
    // A quoted title of a work ("What's Driving North Korea's …") capitalises every word: it says nothing.
    const unquoted = text.replace(/"[^"]*"|\u201C[^\u201D]*\u201D/g, ' ');
    for (const sentence of unquoted.split(/(?<=[.!?])\s+/)) {
      // The sentence's first word (after any opening quote or bracket) is capitalised for the sentence's sake.
      const start = sentence.search(/[A-Za-z]/);
      for (const m of sentence.matchAll(WORD)) if (m.index !== start) nouns.add(bare(m[0]));
    }
  }
  for (const t of titles) for (const m of t.matchAll(WORD)) if (m.index !== t.search(/[A-Za-z]/)) nouns.add(bare(m[0]));
  for (const a of ARTICLES) nouns.delete(a);
  return nouns;
}

/**
 * A title as it reads inside a sentence: its first letter lower-cased when its first word is an ordinary
 * capitalised word; kept when that word is an acronym or has other capitals or digits ("NATO", "GRIT", "US",
 * "McNamara", "Hwasong-19"), or when it (or its first part before a hyphen or dash, "Japan" of "Japan–Korea") is
 * one of `nouns`. Example: `inSentence('An Asian NATO', nouns)` → 'an Asian NATO'; `inSentence('Japan as a
 * bridge', nouns)` → 'Japan as a bridge' when nouns has 'Japan'.
 */
export function inSentence(title: string, nouns: ReadonlySet<string>): string {
  const first = /^[^\s]+/.exec(title)?.[0] ?? '';
  // A capital followed by a lower-case letter or nothing more ("A backchannel"); "NATO", "US" stop here.
  if (!/^[A-Z](?![A-Z])/.test(first)) return title;
  const word = first.replace(/[^A-Za-z'\u2019\-\u2013\u2014].*$/, '');
  if (/[A-Z0-9]/.test(word.slice(1)) || /[0-9]/.test(first)) return title;
  const head = bare(word.split(/[-\u2013\u2014]/)[0]);
  if (nouns.has(head) || nouns.has(bare(word))) return title;
  return title[0].toLowerCase() + title.slice(1);
}

/**
 * The mid-sentence writer for one comparison's labels, from its own prose and names: the policies' descriptions and
 * titles, the scenario's description and its actors' names. Example: `midSentence(view)('Deterrence with
 * assurance')` → 'deterrence with assurance'; `midSentence(view)('Japan as a bridge')` → 'Japan as a bridge' when an
 * actor is named Japan.
 */
export function midSentence(v: { policies: readonly { title: string; description: string }[]; scenarioInfo: { description?: string; actors?: readonly { name: string }[] } }): (title: string) => string {
  const nouns = properNouns(
    [...v.policies.map((p) => p.description), v.scenarioInfo.description ?? ''],
    v.policies.map((p) => p.title),
    (v.scenarioInfo.actors ?? []).map((a) => a.name),
  );
  return (title) => inSentence(title, nouns);
}
