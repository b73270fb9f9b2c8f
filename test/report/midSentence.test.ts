import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/cli/scenarioFile.js';
import { inSentence, midSentence, properNouns } from '../../src/report/midSentence.js';

const view = (file: string) => {
  const s = readScenarioFile(file).scenario;
  return { policies: s.policies.map((p) => ({ title: p.title, description: p.description })), scenarioInfo: { description: s.description } };
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
    expect(inSentence('Japan as a bridge', nouns)).toBe('japan as a bridge'); // 'Japan' only opens a sentence here
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

  it("lower-cases every policy title of the other cases (none opens with a proper noun or an acronym)", () => {
    for (const file of ['scenarios/india-pakistan-2024.yaml', 'scenarios/taiwan-strait-2024.yaml', 'scenarios/greece-turkey-2024.yaml']) {
      const v = view(file);
      const mid = midSentence(v);
      for (const p of v.policies) expect(mid(p.title), p.title).toBe(p.title[0].toLowerCase() + p.title.slice(1));
    }
  });
});
