/*
 * The crisis model's monthly loop in C: the reference that bench/kernelVsC.ts times the JavaScript kernel against
 * (issue 20) and test/models/crisis/cReference.test.ts checks it with. A plain port of
 * src/models/crisis/runCrisis.ts (with campaigns.ts, ladder.ts, choice.ts, perception.ts and streams.ts): the same
 * prepared inputs, read from the text file bench/kernelReference.ts writes, the same keyed xoroshiro128+ streams
 * (SplitMix64 keys, DESIGN.md §3.6), the same floating-point operations in the same order.
 *
 *   cc -O2 -ffp-contract=off -o crisisKernel crisisKernel.c -lm
 *   ./crisisKernel INPUT SEED FUTURE FIRST COUNT [REPEATS]
 *
 * Prints one JSON object: integer totals over the COUNT replications (runs with a clash / war / nuclear use,
 * launches, the summed monthly score, clash-years (overall and summed over dyads), the summed first months of war and nuclear use, actions per
 * dyad and category) and the best of REPEATS timings of the whole batch in ns per dyad-month, wall-clock and CPU
 * time (the process's own: on a shared machine the time it was not scheduled is left out).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- prepared inputs ---------------------------------------------------------------------------------------- */

typedef struct {
  int m, months, K, years, posturing, violent, nuclear, exerciseTarget, launchActor, gritPatience, gritPause;
  double memory, scoreUnit, clashThreshold, tensionEffect, nuclearGivenWar, launchDispersion;
  int nCut;
  double *weights, *cutpoints, *threatTerm, *threatExposure, *u0, *escalationWeight, *conciliationWeight;
  double *clashWeight, *gritWeight, *hostility, *friction, *bias, *spread, *warBase, *exerciseScale, *launchMean;
  int *exerciser, *yearOf;
} Prepared;

static void fail(const char *what) {
  fprintf(stderr, "crisisKernel: %s\n", what);
  exit(2);
}

/* One field of the input file: "name count v1 … vcount" (bench/kernelReference.ts writes them in this order). */
static double *readField(FILE *f, const char *name, int *count) {
  char got[64];
  int n;
  if (fscanf(f, "%63s %d", got, &n) != 2 || strcmp(got, name) != 0) {
    fprintf(stderr, "crisisKernel: expected field '%s', got '%s'\n", name, got);
    exit(2);
  }
  double *v = malloc(sizeof(double) * (n > 0 ? n : 1));
  for (int k = 0; k < n; k++) if (fscanf(f, "%lf", &v[k]) != 1) fail("truncated input");
  if (count) *count = n;
  return v;
}

static double scalar(FILE *f, const char *name) {
  double *v = readField(f, name, NULL), x = v[0];
  free(v);
  return x;
}

static int *asInts(double *v, int n) {
  int *out = malloc(sizeof(int) * (n > 0 ? n : 1));
  for (int k = 0; k < n; k++) out[k] = (int)v[k];
  free(v);
  return out;
}

static void readPrepared(const char *file, Prepared *p) {
  FILE *f = fopen(file, "r");
  if (!f) fail("cannot open the input file");
  int n;
  p->m = (int)scalar(f, "m");
  p->months = (int)scalar(f, "months");
  p->years = (int)scalar(f, "years");
  p->posturing = (int)scalar(f, "posturing");
  p->violent = (int)scalar(f, "violent");
  p->nuclear = (int)scalar(f, "nuclear");
  p->exerciseTarget = (int)scalar(f, "exerciseTarget");
  p->launchActor = (int)scalar(f, "launchActor");
  p->gritPatience = (int)scalar(f, "gritPatience");
  p->gritPause = (int)scalar(f, "gritPause");
  p->memory = scalar(f, "memory");
  p->scoreUnit = scalar(f, "scoreUnit");
  p->clashThreshold = scalar(f, "clashThreshold");
  p->tensionEffect = scalar(f, "tensionEffect");
  p->nuclearGivenWar = scalar(f, "nuclearGivenWar");
  p->launchDispersion = scalar(f, "launchDispersion");
  p->weights = readField(f, "weights", &p->K);
  p->cutpoints = readField(f, "cutpoints", &p->nCut);
  p->threatTerm = readField(f, "threatTerm", NULL);
  p->threatExposure = readField(f, "threatExposure", NULL);
  p->u0 = readField(f, "u0", NULL);
  p->escalationWeight = readField(f, "escalationWeight", NULL);
  p->conciliationWeight = readField(f, "conciliationWeight", NULL);
  p->clashWeight = readField(f, "clashWeight", NULL);
  p->gritWeight = readField(f, "gritWeight", NULL);
  p->hostility = readField(f, "hostility", NULL);
  p->friction = readField(f, "friction", NULL);
  p->bias = readField(f, "bias", NULL);
  p->spread = readField(f, "spread", NULL);
  p->warBase = readField(f, "warBase", NULL);
  p->exerciseScale = readField(f, "exerciseScale", NULL);
  p->launchMean = readField(f, "launchMean", NULL);
  double *raw = readField(f, "exerciser", &n);
  p->exerciser = asInts(raw, n);
  raw = readField(f, "yearOf", &n);
  p->yearOf = asInts(raw, n);
  fclose(f);
}

/* ---- keyed xoroshiro128+ streams (src/math/rng, src/models/crisis/streams.ts) -------------------------------- */

static uint64_t mix64(uint64_t x) {
  uint64_t z = x + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

typedef struct { uint64_t s0, s1; } Stream;

static uint64_t step(Stream *s) {
  uint64_t s0 = s->s0, s1 = s->s1, out = s0 + s1;
  s1 ^= s0;
  s->s0 = ((s0 << 24) | (s0 >> 40)) ^ s1 ^ (s1 << 16);
  s->s1 = (s1 << 37) | (s1 >> 27);
  return out;
}

static double nextDouble(Stream *s) { return (double)(step(s) >> 11) / 9007199254740992.0; }

/* Stream k of replication (seed, future, r): streamFor(seed, future, r, k). */
static void seedStreams(Stream *st, int n, uint64_t seed, uint64_t future, uint64_t rep) {
  uint64_t key = mix64(mix64(mix64(0 ^ seed) ^ future) ^ rep);
  for (int k = 0; k < n; k++) {
    uint64_t s0 = mix64(mix64(key ^ (uint64_t)k));
    uint64_t s1 = mix64(s0 ^ 0x5851f42d4c957f2dULL);
    st[k].s0 = s0;
    st[k].s1 = (s0 == 0 && s1 == 0) ? 1 : s1;
  }
}

/* The dyad-month's three uniforms from two steps: ladder = 53-bit double of the first; choice, reading = halves of the second. */
static void dyadDraws(Stream *s, double *out) {
  out[1] = (double)(step(s) >> 11) / 9007199254740992.0;
  uint64_t v = step(s);
  out[0] = ((double)(v >> 32) + 0.5) / 4294967296.0;
  out[2] = ((double)(v & 0xffffffffULL) + 0.5) / 4294967296.0;
}

/* ---- the model's pieces ------------------------------------------------------------------------------------- */

static double normalQuantile(double p) {
  static const double A[] = {-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239};
  static const double B[] = {-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1};
  static const double C[] = {-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783};
  static const double D[] = {7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416};
  if (p <= 0) p = 1.1102230246251565e-16;
  if (p < 0.02425) {
    double q = sqrt(-2 * log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p <= 1 - 0.02425) {
    double q = p - 0.5, r = q * q;
    return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  double q = sqrt(-2 * log(1 - p));
  return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

enum { GAMMA_TRIES = 8 };
#define MAX_LAUNCH_RATE 500.0

static int samplePoisson(double lambda, double U) {
  if (!(lambda > 0)) return 0;
  int k = 0;
  double p = exp(-lambda), F = p, limit = 10 * lambda + 100;
  while (U > F && k < limit) {
    k++;
    p *= lambda / k;
    F += p;
  }
  return k;
}

/* Negative binomial by gamma–Poisson with a fixed budget of 2·GAMMA_TRIES + 2 uniforms (campaigns.ts). */
static int sampleNegBinomial(double mean, double alpha, Stream *s) {
  double lambda = mean;
  if (alpha > 0 && mean > 0) {
    double shape = 1 / alpha, a = shape < 1 ? shape + 1 : shape, d = a - 1.0 / 3, c = 1 / sqrt(9 * d), g = -1;
    for (int t = 0; t < GAMMA_TRIES; t++) {
      double x = normalQuantile(nextDouble(s)), U = nextDouble(s);
      if (g >= 0) continue;
      double v1 = 1 + c * x;
      if (v1 <= 0) continue;
      double v = v1 * v1 * v1;
      if (log(U > 0 ? U : 1e-300) < 0.5 * x * x + d - d * v + d * log(v)) g = d * v;
    }
    double boost = nextDouble(s);
    if (g < 0) g = a;
    if (shape < 1) g *= pow(boost > 0 ? boost : 1e-300, 1 / shape);
    lambda = g * alpha * mean;
  } else {
    for (int t = 0; t < 2 * GAMMA_TRIES + 1; t++) nextDouble(s);
  }
  return samplePoisson(lambda < MAX_LAUNCH_RATE ? lambda : MAX_LAUNCH_RATE, nextDouble(s));
}

/* ---- one replication ---------------------------------------------------------------------------------------- */

typedef struct {
  Stream *streams;
  double *expCut, *memory, *reading, *score;
  int *action, *gritCount, *lastClashYear;
  unsigned char *gritStep;
  /* per-run record */
  long clashes, clashYears, launches;
  int warMonth, nuclearMonth;
} Work;

typedef struct {
  long clashRuns, warRuns, nuclearRuns, launches, clashYears, dyadClashYears, warMonths, nuclearMonths;
  double scoreSum;
  double *actions; /* [(i·m + j)·K + k] */
} Totals;

static void runReplication(const Prepared *p, Work *w, Totals *tot) {
  const int m = p->m, K = p->K;
  const double expClash = exp(p->clashThreshold), wPost = p->weights[p->posturing];
  for (int d = 0; d < m * m; d++) {
    w->memory[d] = 0;
    w->gritCount[d] = 0;
    w->lastClashYear[d] = -1;
    w->gritStep[d] = p->gritWeight[d] > 0 && p->hostility[d] > 0;
  }
  w->clashes = w->clashYears = w->launches = 0;
  w->warMonth = w->nuclearMonth = 0;
  int lastYear = -1;
  double draws[3];
  for (int t = 1; t <= p->months; t++) {
    const int year = p->yearOf[t - 1];
    const double exScale = p->exerciseScale[t - 1];
    int launches = 0;
    if (p->launchActor >= 0) {
      launches = sampleNegBinomial(p->launchMean[t - 1], p->launchDispersion, &w->streams[p->launchActor * m + p->launchActor]);
      w->launches += launches;
    }
    double score = 0;
    for (int i = 0; i < m; i++) {
      const double threat = p->threatTerm[(t - 1) * m + i];
      for (int j = 0; j < m; j++) {
        if (i == j) continue;
        const int d = i * m + j;
        dyadDraws(&w->streams[d], draws);
        const double U1 = draws[0], U2 = draws[1];
        w->reading[d] = draws[2];
        const double H = w->memory[d];
        const double u = p->u0[d] + p->threatExposure[d] * threat + (H > 0 ? p->escalationWeight[d] : p->conciliationWeight[d]) * H;
        const double x = exp(-u);
        int a;
        double hazard = 0;
        const double g = w->gritStep[d] == 1 ? p->gritWeight[d] : 0;
        if (g > 0 && U1 < g) a = 0;
        else {
          const double V1 = g > 0 ? (U1 - g) / (1 - g) : U1, odds = V1 / (1 - V1);
          a = 0;
          while (a < p->nCut && odds > w->expCut[a] * x) a++;
          if (p->clashWeight[d] > 0 && p->friction[d] > 0) hazard = (p->clashWeight[d] * p->friction[d]) / (1 + expClash * x);
        }
        int rung = 0;
        if (U2 < hazard) {
          double pWar = 0;
          if (w->warMonth == 0) {
            double T = 0.5 * (H + w->memory[j * m + i]);
            pWar = 1 / (1 + exp(-(p->warBase[d] + p->tensionEffect * (T > 0 ? T : 0))));
          }
          const double v = U2 / hazard;
          rung = !(v < pWar) ? 1 : (v / pWar < p->nuclearGivenWar ? 3 : 2);
        }
        if (rung > 0) {
          a = p->violent;
          w->clashes++;
          if (w->lastClashYear[d] != year) {
            w->lastClashYear[d] = year;
            tot->dyadClashYears++;
          }
          if (lastYear != year) {
            lastYear = year;
            w->clashYears++;
          }
          if (rung >= 2) w->warMonth = t;
          if (rung == 3) {
            w->nuclearMonth = t;
            a = p->nuclear;
          }
        } else if (a < p->posturing) {
          if (exScale > 0 && p->exerciser[i] == 1 && j == p->exerciseTarget) a = p->posturing;
          else if (launches > 0 && i == p->launchActor && p->hostility[d] > 0) a = p->posturing;
        }
        w->action[d] = a;
        tot->actions[d * K + a]++;
        score += p->weights[a];
      }
    }
    tot->scoreSum += score;

    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (i == j) continue;
        const int d = i * m + j;
        double truth = p->weights[w->action[j * m + i]];
        if (exScale > 0 && p->exerciser[j] == 1 && i == p->exerciseTarget) truth += (exScale - 1) * wPost;
        const double sp = p->spread[d];
        const double seen = truth + p->bias[d] + (sp > 0 ? sp * normalQuantile(w->reading[d]) : 0);
        w->memory[d] += p->memory * (seen / p->scoreUnit - w->memory[d]);
        if (p->gritWeight[d] > 0 && p->hostility[d] > 0) {
          const int unreciprocated = seen >= wPost / 2 || w->action[j * m + i] >= p->violent;
          if (w->gritStep[d] == 1) {
            w->gritCount[d] = unreciprocated ? w->gritCount[d] + 1 : 0;
            if (w->gritCount[d] >= p->gritPatience) {
              w->gritStep[d] = 0;
              w->gritCount[d] = 0;
            }
          } else if (++w->gritCount[d] >= p->gritPause) {
            w->gritStep[d] = 1;
            w->gritCount[d] = 0;
          }
        }
      }
    }
  }
  if (w->clashes > 0) tot->clashRuns++;
  if (w->warMonth > 0) tot->warRuns++, tot->warMonths += w->warMonth;
  if (w->nuclearMonth > 0) tot->nuclearRuns++, tot->nuclearMonths += w->nuclearMonth;
  tot->launches += w->launches;
  tot->clashYears += w->clashYears;
}

static double nowNs(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 6) fail("usage: crisisKernel INPUT SEED FUTURE FIRST COUNT [REPEATS]");
  Prepared p;
  readPrepared(argv[1], &p);
  const uint64_t seed = strtoull(argv[2], NULL, 10), future = strtoull(argv[3], NULL, 10);
  const long first = atol(argv[4]), count = atol(argv[5]), repeats = argc > 6 ? atol(argv[6]) : 1;
  const int mm = p.m * p.m;
  Work w;
  w.streams = malloc(sizeof(Stream) * mm);
  w.expCut = malloc(sizeof(double) * (p.nCut > 0 ? p.nCut : 1));
  for (int c = 0; c < p.nCut; c++) w.expCut[c] = exp(p.cutpoints[c]);
  w.memory = malloc(sizeof(double) * mm);
  w.reading = malloc(sizeof(double) * mm);
  w.action = malloc(sizeof(int) * mm);
  w.gritCount = malloc(sizeof(int) * mm);
  w.lastClashYear = malloc(sizeof(int) * mm);
  w.gritStep = malloc(mm);
  Totals tot;
  tot.actions = malloc(sizeof(double) * mm * p.K);
  double best = 1e300, bestCpu = 1e300;
  for (long rep = 0; rep < (repeats > 0 ? repeats : 1); rep++) {
    memset(&tot, 0, sizeof(Totals) - sizeof(double *));
    memset(tot.actions, 0, sizeof(double) * mm * p.K);
    const double t0 = nowNs(CLOCK_MONOTONIC), c0 = nowNs(CLOCK_PROCESS_CPUTIME_ID);
    for (long r = first; r < first + count; r++) {
      seedStreams(w.streams, mm, seed, future, (uint64_t)r);
      runReplication(&p, &w, &tot);
    }
    const double ns = nowNs(CLOCK_MONOTONIC) - t0, cpu = nowNs(CLOCK_PROCESS_CPUTIME_ID) - c0;
    if (ns < best) best = ns;
    if (cpu < bestCpu) bestCpu = cpu;
  }
  const double dyadMonths = (double)count * p.months * p.m * (p.m - 1);
  printf("{\"runs\":%ld,\"clashRuns\":%ld,\"warRuns\":%ld,\"nuclearRuns\":%ld,\"launches\":%ld,\"scoreSum\":%.0f,", count, tot.clashRuns, tot.warRuns, tot.nuclearRuns, tot.launches, tot.scoreSum);
  printf("\"clashYears\":%ld,\"dyadClashYears\":%ld,\"warMonths\":%ld,\"nuclearMonths\":%ld,\"nsPerDyadMonth\":%.4f,\"cpuNsPerDyadMonth\":%.4f,\"actions\":[", tot.clashYears, tot.dyadClashYears, tot.warMonths, tot.nuclearMonths, best / dyadMonths, bestCpu / dyadMonths);
  for (int k = 0; k < mm * p.K; k++) printf("%s%.0f", k ? "," : "", tot.actions[k]);
  printf("]}\n");
  return 0;
}
