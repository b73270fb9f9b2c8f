/**
 * Joe and Kuo's direction numbers for Sobol' sequences (S. Joe & F. Y. Kuo, "Constructing Sobol sequences with
 * better two-dimensional projections", SIAM J. Sci. Comput. 30, 2635–2654, 2008; table `new-joe-kuo-6.21201`),
 * dimensions 2 to 64. Published numbers, carried as data: one line per dimension `d  s  a  m_1 … m_s`, where s is
 * the degree of the primitive polynomial x^s + a_1 x^(s−1) + … + a_(s−1) x + 1 over GF(2), a holds its inner
 * coefficients a_1 … a_(s−1) as bits (a_1 the most significant), and m_k (odd, below 2^k) are the initial
 * direction integers. Dimension 1 is van der Corput's sequence and needs no row.
 */
const TABLE = `
2   1  0    1
3   2  1    1 3
4   3  1    1 3 1
5   3  2    1 1 1
6   4  1    1 1 3 3
7   4  4    1 3 5 13
8   5  2    1 1 5 5 17
9   5  4    1 1 5 5 5
10  5  7    1 1 7 11 19
11  5  11   1 1 5 1 1
12  5  13   1 1 1 3 11
13  5  14   1 3 5 5 31
14  6  1    1 3 3 9 7 49
15  6  13   1 1 1 15 21 21
16  6  16   1 3 1 13 27 49
17  6  19   1 1 1 15 7 5
18  6  22   1 3 1 15 13 25
19  6  25   1 1 5 5 19 61
20  7  1    1 3 7 11 23 15 103
21  7  4    1 3 7 13 13 15 69
22  7  7    1 1 3 13 7 35 63
23  7  8    1 3 5 9 1 25 53
24  7  14   1 3 1 13 9 35 107
25  7  19   1 3 1 5 27 61 31
26  7  21   1 1 5 11 19 41 61
27  7  28   1 3 5 3 3 13 69
28  7  31   1 1 7 13 1 19 1
29  7  32   1 3 7 5 13 19 59
30  7  37   1 1 3 9 25 29 41
31  7  41   1 3 5 13 23 1 55
32  7  42   1 3 7 3 13 59 17
33  7  50   1 3 1 3 5 53 69
34  7  55   1 1 5 5 23 33 13
35  7  56   1 1 7 7 1 61 123
36  7  59   1 1 7 9 13 61 49
37  7  62   1 3 3 5 3 55 33
38  8  14   1 3 1 15 31 13 49 245
39  8  21   1 3 5 15 31 59 63 97
40  8  22   1 3 1 11 11 11 77 249
41  8  38   1 3 1 11 27 43 71 9
42  8  47   1 1 7 15 21 11 81 45
43  8  49   1 3 7 3 25 31 65 79
44  8  50   1 3 1 1 19 11 3 205
45  8  52   1 1 5 9 19 21 29 157
46  8  56   1 3 7 11 1 33 89 185
47  8  67   1 3 3 3 15 9 79 71
48  8  70   1 3 7 11 15 39 119 27
49  8  84   1 1 3 1 11 31 97 225
50  8  97   1 1 1 3 23 43 57 177
51  8  103  1 3 7 7 17 17 37 71
52  8  115  1 3 1 5 27 63 123 213
53  8  122  1 1 3 5 11 43 53 133
54  9  8    1 3 5 5 29 17 47 173 479
55  9  13   1 3 3 11 3 1 109 9 69
56  9  16   1 1 1 5 17 39 23 5 343
57  9  22   1 3 1 5 25 15 31 103 499
58  9  25   1 1 1 11 11 17 63 105 183
59  9  44   1 1 5 11 9 29 97 231 363
60  9  47   1 1 5 15 19 45 41 7 383
61  9  52   1 3 7 7 31 19 83 137 221
62  9  55   1 1 1 3 23 15 111 223 83
63  9  59   1 1 5 13 31 15 55 25 161
64  9  62   1 1 3 13 25 47 39 87 257
`;

/** One dimension's primitive polynomial and initial direction integers. */
export interface DirectionRow {
  /** The dimension, 2 … 64. */
  dimension: number;
  /** Degree s of the primitive polynomial. */
  degree: number;
  /** Inner coefficients of the polynomial as bits. */
  coefficients: number;
  /** Initial direction integers m_1 … m_s. */
  m: readonly number[];
}

/** The table rows, parsed once. Example: `JOE_KUO_ROWS[0]` → `{ dimension: 2, degree: 1, coefficients: 0, m: [1] }`. */
export const JOE_KUO_ROWS: readonly DirectionRow[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [dimension, degree, coefficients, ...m] = line.trim().split(/\s+/).map(Number);
    return { dimension, degree, coefficients, m };
  });

/** The largest dimension the carried table supports. */
export const SOBOL_MAX_DIMENSION = JOE_KUO_ROWS.length + 1;

/** Bits per coordinate: points are multiples of 2^−32, so at most 2^32 points per sequence. */
export const SOBOL_BITS = 32;

/**
 * The 32 direction numbers v_1 … v_32 of one dimension (1-based), as unsigned 32-bit integers (v_k = m_k · 2^(32−k)).
 * Beyond the initial m_k they follow the Bratley–Fox recurrence
 * v_k = a_1 v_(k−1) ⊕ … ⊕ a_(s−1) v_(k−s+1) ⊕ v_(k−s) ⊕ (v_(k−s) ≫ s). Example: `directionNumbers(1)[0]` → 2^31.
 */
export function directionNumbers(dimension: number): Uint32Array {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
    throw new RangeError(`Sobol' dimension ${dimension} is outside 1 … ${SOBOL_MAX_DIMENSION} (the carried Joe–Kuo table)`);
  }
  const v = new Uint32Array(SOBOL_BITS);
  if (dimension === 1) {
    for (let k = 0; k < SOBOL_BITS; k++) v[k] = 2 ** (SOBOL_BITS - 1 - k);
    return v;
  }
  const { degree: s, coefficients: a, m } = JOE_KUO_ROWS[dimension - 2];
  for (let k = 0; k < SOBOL_BITS; k++) {
    if (k < s) {
      v[k] = m[k] * 2 ** (SOBOL_BITS - 1 - k);
      continue;
    }
    let x = v[k - s] ^ (v[k - s] >>> s);
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[k - i];
    v[k] = x >>> 0;
  }
  return v;
}
