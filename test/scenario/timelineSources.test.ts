import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';

// The events the source article ("What's Driving North Korea's Unstoppable Military Buildup?", The Diplomat,
// November 2024) itself dates, by month (../shared/korea-facts.md, "From the article itself"). A timeline event may
// cite the article only when it is one of these; every other event cites its own source.
const ARTICLE_DATES: Record<string, string> = {
  '2010-12': "the 'nuclear holy war' threat",
  '2012-12': 'the satellite launch',
  '2013-01': "People's Daily: 'a rabbit versus a lion'",
  '2023-07': "the experts' report 'Asia's Future at a Crossroads'",
  '2023-08': 'the Camp David summit',
  '2024-09': "Ishiba's 'Asian NATO'",
  '2024-10': 'the Hwasong-19 launch (31 October) and the advisers\' statement (25 October)',
};

describe('the Korea timeline cites the article only for what the article dates', () => {
  const r = parseScenario(readFileSync('scenarios/korea-2024.yaml', 'utf8'), 'korea-2024.yaml');
  if (!r.ok) throw new Error('korea-2024.yaml does not parse');
  const s = r.scenario;

  it('every event cited to diplomat-2024 falls in a month the article dates', () => {
    const cited = s.timeline.filter((e) => e.source === 'diplomat-2024');
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((e) => !(e.date.slice(0, 7) in ARTICLE_DATES)).map((e) => `${e.date} ${e.title}`)).toEqual([]);
  });

  it('the events the reviewer found miscited now cite their own sources, each with a URL or publisher', () => {
    const own = ['2010-03-26', '2010-11-23', '2018-04-27', '2018-06-12', '2018-09-19', '2019-02-28', '2023-09-13', '2023-11-23', '2024-01-15', '2024-06-27'];
    for (const date of own) {
      const e = s.timeline.find((x) => x.date === date)!;
      expect(e.source, date).not.toBe('diplomat-2024');
      const src = s.sources.find((x) => x.id === e.source)!;
      expect(src.url ?? src.publisher, date).toBeTruthy();
    }
  });
});
