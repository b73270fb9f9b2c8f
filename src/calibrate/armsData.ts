/**
 * Turns imported data rows (SIPRI long CSV, OWID long-run milex, FAS warhead stockpiles) into the per-stock
 * series of `buildPanel`, in the scenario's units: conventional stocks in constant 2023 US$ bn, strategic stocks
 * in warheads. Pure: the caller reads the files.
 */
import type { SipriRow } from '../data/sipri.js';
import type { OwidMilexRow } from '../data/owidMilex.js';
import { segmentAtBreaks, type StockData } from './armsPanel.js';

/** How each actor is named in each data set (ISO 3166 alpha-3 ids of the scenarios). */
export const COUNTRY_NAMES: Record<string, { sipri?: string; owid?: string; fas?: string }> = {
  PRK: { owid: 'North Korea', fas: 'North Korea' },
  KOR: { sipri: 'Korea, South', owid: 'South Korea' },
  JPN: { sipri: 'Japan', owid: 'Japan' },
  USA: { sipri: 'United States of America', owid: 'United States', fas: 'United States' },
  CHN: { sipri: 'China', owid: 'China', fas: 'China' },
  RUS: { sipri: 'Russia', owid: 'Russia', fas: 'Russia' },
  AUS: { sipri: 'Australia', owid: 'Australia' },
  PHL: { sipri: 'Philippines', owid: 'Philippines' },
  VNM: { sipri: 'Viet Nam', owid: 'Vietnam' },
  IND: { sipri: 'India', owid: 'India', fas: 'India' },
  PAK: { sipri: 'Pakistan', owid: 'Pakistan', fas: 'Pakistan' },
  TWN: { sipri: 'Taiwan', owid: 'Taiwan' },
  GRC: { sipri: 'Greece', owid: 'Greece' },
  TUR: { sipri: 'Türkiye', owid: 'Turkey' },
  // The Soviet Union: SIPRI's USSR series holds 1988–1990 only, so the long-run OWID (COW) series, which names it Russia.
  SUN: { owid: 'Russia', fas: 'Russia' },
};

/**
 * US CPI-U annual averages (BLS series CUUR0000SA0): 2020 = 258.811, 2023 = 304.702. Turns OWID's constant
 * 2020 US$ into constant 2023 US$ (the SIPRI 2025 release's base), the same deflator OWID used.
 */
export const CPI_2023_OVER_2020 = 304.702 / 258.811;

/** A FAS stockpile row: country as FAS/OWID names it (runs of spaces are normalised), year, warheads. */
export interface WarheadRow {
  country: string;
  year: number;
  warheads: number;
}

export interface ArmsDataInput {
  sipri: readonly SipriRow[];
  /** OWID rows, used for actors with no SIPRI series (North Korea). */
  owid?: readonly OwidMilexRow[];
  warheads?: readonly WarheadRow[];
  /** Actor ids present in the scenario, with the kinds of stock each has. */
  stocks: { actor: string; kind: 'conventional' | 'strategic' }[];
  /** SIPRI measure column. @default 'milex_const2023_usd_m' */
  sipriColumn?: string;
}

/**
 * Series per state label. Conventional: SIPRI (US$ m → bn); where SIPRI has none, OWID (constant 2020 US$ →
 * constant 2023 US$ bn by `CPI_2023_OVER_2020`), split into segments at source breaks and anchored to the
 * scenario's x⁰ (OWID's levels mix COW and SIPRI). Strategic: FAS stockpiles.
 */
export function armsStockData(input: ArmsDataInput): { data: Record<string, StockData>; notes: string[] } {
  const col = input.sipriColumn ?? 'milex_const2023_usd_m';
  const data: Record<string, StockData> = {};
  const notes: string[] = [];
  const norm = (name: string) => name.replace(/\s+/g, ' ').trim();
  for (const { actor, kind } of input.stocks) {
    const names = COUNTRY_NAMES[actor];
    const label = `${actor}.${kind}`;
    if (!names) continue;
    if (kind === 'conventional') {
      const sipri = input.sipri.filter((r) => r.country === names.sipri && typeof r[col] === 'number').map((r) => ({ year: r.year, value: (r[col] as number) / 1000 }));
      if (sipri.length) {
        data[label] = { points: sipri, source: 'SIPRI' };
        continue;
      }
      const owid = (input.owid ?? []).filter((r) => r.country === names.owid && r.milex_const2020_usd !== null).map((r) => ({ year: r.year, value: (r.milex_const2020_usd! * CPI_2023_OVER_2020) / 1e9 }));
      if (owid.length) {
        const points = segmentAtBreaks(owid);
        const breaks = points.filter((p, k) => k > 0 && p.segment !== points[k - 1].segment).map((p) => p.year);
        notes.push(`${label}: no SIPRI series; OWID (COW NMC v6 + SIPRI) with source breaks before ${breaks.join(', ')}`);
        data[label] = { points, source: 'OWID (COW+SIPRI)', anchorToBase: true };
      }
    } else {
      const fas = (input.warheads ?? []).filter((r) => norm(r.country) === names.fas).map((r) => ({ year: r.year, value: r.warheads }));
      if (fas.length) data[label] = { points: fas, source: 'FAS' };
    }
  }
  return { data, notes };
}
