import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/cli/scenarioFile.js';
import { inSentence, midSentence, properNouns } from '../../src/report/midSentence.js';

const view = (file: string) => {
  const s = readScenarioFile(file).scenario;
  return { policies: s.policies.map((p) => ({ title: p.title, description: p.description })), scenarioInfo: { description: s.description, actors: s.actors.map((a) => ({ name: a.name })) } };
};

describe('policy labels inside a sentence', () => {
  it("lower-cases the Korea titles' first word, except acronyms and the proper nouns its own prose capitalises", () => {
    const mid = midSentence(view('scenarios/korea-2024.yaml'));
    expect(mid('An Asian NATO')).toBe('an Asian NATO');
    expect(mid('Deterrence with assurance')).toBe('deterrence with assurance');
    expect(mid('Dialogue and de-escalation')).toBe('dialogue and de-escalation');
    expect(mid('Status quo')).toBe('status quo');
    expect(mid('Japan as a bridge')).toBe('Japan as a bridge');
    expect(mid('GRIT (graduated reciprocation in tension-reduction)')).toBe('GRIT (graduated reciprocation in tension-reduction)');
    expect(mid('What kind of actor North Korea is')).toBe('what kind of actor North Korea is');
  });

  it('finds proper nouns off sentence starts and past the first word of a title, never an article', () => {
    const nouns = properNouns(['Japan opens channels to Pyongyang. The article warns, as in The Diplomat’s piece "What Drives It".', '“Quoted” start, then Seoul.'], ['An Asian NATO']);
    expect([...nouns].sort()).toEqual(['Asian', 'Diplomat', 'Pyongyang', 'Seoul']);
    // 'Japan' only opens a sentence in this prose: it is a name because an actor is named so.
    const withActors = properNouns(['Japan opens channels to Pyongyang.'], [], ['Japan', 'North Korea', 'United States']);
    expect([...withActors].sort()).toEqual(['Japan', 'Korea', 'North', 'Pyongyang', 'States', 'United']);
    expect(inSentence('Japan as a bridge', withActors)).toBe('Japan as a bridge');
    expect(inSentence('Japan as a bridge', properNouns(['Japan opens channels to Pyongyang.'], []))).toBe('japan as a bridge'); // no actor, no name
    expect(inSentence('Japan as a bridge', new Set(['Japan']))).toBe('Japan as a bridge');
    expect(inSentence('Japan–Korea bridge', new Set())).toBe('Japan–Korea bridge'); // a capital inside the word
    expect(inSentence('Hwasong-19 moratorium', new Set())).toBe('Hwasong-19 moratorium');
    expect(inSentence('McNamara line', new Set())).toBe('McNamara line');
    expect(inSentence('US restraint', new Set())).toBe('US restraint');
    expect(inSentence('Third-party mediation', new Set())).toBe('third-party mediation');
    expect(inSentence('A backchannel', new Set())).toBe('a backchannel');
    expect(inSentence('A', new Set())).toBe('a');
    expect(inSentence('', new Set())).toBe('');
  });

  it("keeps a policy title that opens with an actor's name, even when the prose only capitalises it at sentence starts", () => {
    const v = {
      policies: [
        { title: 'Status quo', description: 'Nothing changes.' },
        { title: 'China first', description: 'China is courted before anyone else. Turkey waits.' },
        { title: 'Korea talks', description: 'Talks open.' },
      ],
      scenarioInfo: { description: 'Japan waits too.', actors: [{ name: 'China' }, { name: 'North Korea' }, { name: 'Japan' }, { name: 'X' }] },
    };
    const mid = midSentence(v);
    expect(mid('China first')).toBe('China first');
    expect(mid('Japan as a bridge')).toBe('Japan as a bridge');
    expect(mid('Korea talks')).toBe('Korea talks'); // a word of an actor's name
    expect(mid('Turkey waits')).toBe('turkey waits'); // not an actor, and only ever opening a sentence
    expect(mid('Status quo')).toBe('status quo');
    // A document of an earlier version carries no actors: the prose alone decides.
    expect(midSentence({ ...v, scenarioInfo: { description: v.scenarioInfo.description } })('China first')).toBe('china first');
  });

  it("lower-cases every policy title of the other cases (none opens with a proper noun or an acronym)", () => {
    for (const file of ['scenarios/india-pakistan-2024.yaml', 'scenarios/taiwan-strait-2024.yaml', 'scenarios/greece-turkey-2024.yaml']) {
      const v = view(file);
      const mid = midSentence(v);
      for (const p of v.policies) expect(mid(p.title), p.title).toBe(p.title[0].toLowerCase() + p.title.slice(1));
    }
  });
});
