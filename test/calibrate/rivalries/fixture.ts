import { readFileSync } from 'node:fs';
import { parseCowMid } from '../../../src/data/cowMid.js';
import { parseRivalryList } from '../../../src/data/rivalries.js';
import { rivalryPanels } from '../../../src/calibrate/rivalries/panel.js';

/** The three-rivalry fixture (test/fixtures/data/rivalries): Alpha–Beta, Gamma–Delta (two spells), Beta–Epsilon. */
export const FIXTURE_MID = 'test/fixtures/data/rivalries/mid_three.csv';
export const FIXTURE_LIST = 'test/fixtures/data/rivalries/tss_three.csv';

export function fixturePanels() {
  const mid = parseCowMid(readFileSync(FIXTURE_MID, 'utf8')).rows;
  return rivalryPanels(mid, parseRivalryList(readFileSync(FIXTURE_LIST, 'utf8')).spells);
}

/** The years of a panel where a flag is 1. */
export const yearsWhere = (years: number[], flags: Uint8Array) => years.filter((_, t) => flags[t] === 1);
