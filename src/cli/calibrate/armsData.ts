import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readInputText } from '../io/readInput.js';

/** The files `calibrate arms` reads, relative to `--data` (the layout of ../shared/data, see its SOURCES.md). */
export const ARMS_DATA_FILES = {
  sipri: 'sipri_milex/sipri_milex_focus_1949_2024.csv',
  owid: 'milex_longrun/owid_cow_sipri_milex_const2020usd_focus.csv',
  fas: 'nuclear/fas2023_nuclear_warhead_stockpiles_1945_2023.csv',
} as const;

export interface ArmsDataFiles {
  sipri: string;
  owid: string | null;
  fas: string | null;
  /** Relative names of the files read, for the provenance entry. */
  used: string[];
}

/**
 * Reads the data files from `dir`: the SIPRI extract is required; the OWID long-run series (North Korea) and
 * the FAS stockpiles are used when present. A missing directory or SIPRI file is an input error (exit 2).
 */
export function readArmsDataFiles(dir: string): ArmsDataFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError([`--data ${dir}: no such directory`], `point --data at the data directory holding ${ARMS_DATA_FILES.sipri} (e.g. --data ../shared/data)`);
  }
  const read = (rel: string, required: boolean): string | null => {
    const file = join(dir, rel);
    if (!existsSync(file)) {
      if (required) throw new InputError([`${file}: not found`], `the SIPRI long CSV is required (see docs/data.md#sipri); --data must be the directory that holds ${rel}`);
      return null;
    }
    return readInputText(file, { what: `the data file ${rel}`, kind: 'data' });
  };
  const sipri = read(ARMS_DATA_FILES.sipri, true)!;
  const owid = read(ARMS_DATA_FILES.owid, false);
  const fas = read(ARMS_DATA_FILES.fas, false);
  const used = [ARMS_DATA_FILES.sipri, ...(owid !== null ? [ARMS_DATA_FILES.owid] : []), ...(fas !== null ? [ARMS_DATA_FILES.fas] : [])];
  return { sipri, owid, fas, used };
}
