// Colours from the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies; every line kind
// also differs by dash pattern, so no meaning rests on colour alone.
/** Bloc fills, in bloc order. */
export const BLOC_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
/** Fill of the unaligned, land of neighbours, hostility lines, and the band chart's band, median and mean. */
export const UNALIGNED = '#E69F00';
export const CONTEXT_LAND = '#e4e4e4';
export const HOSTILITY = '#222222';
export const BAND = '#56B4E9';
export const MEDIAN = '#0072B2';
export const MEAN = '#D55E00';

/** The fill of a bloc (−1: unaligned). */
export const blocColour = (bloc: number): string => (bloc < 0 ? UNALIGNED : BLOC_COLOURS[bloc % BLOC_COLOURS.length]);

/** Per-series colours for line charts (Okabe–Ito order, black last). */
export const SERIES = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];
/** Dash patterns that separate series beyond colour. */
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];
