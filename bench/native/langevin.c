/* Native C build of the Langevin kernel benchmarked in bench/langevin.mjs: the same algorithm as
 * assembly/langevin.ts for overdamped Euler–Maruyama with the Brownian-bridge correction —
 * per-walker xoshiro128++ noise seeded by the Philox4x32-10 block (0, 0, walker, 3), 1024-layer
 * ziggurat (fallbacks and bridge uniforms from Philox counters), drift folded into the force
 * coefficients and σ into the layer table,
 * cubic-polynomial force, walkers of a 4096-walker chunk advanced in lockstep. Same seed → same
 * escape counts as the WASM engine (up to last-ulp libm differences on rare slow paths).
 * Build: gcc -O3 -march=native -o langevin langevin.c -lm
 * Usage: ./langevin N steps dt kT upper seed  → prints JSON {walkerSteps, seconds, cpuSeconds, escaped, sumSteps}
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNK 4096
#define LAYERS 1024
static double ZX[LAYERS + 1], ZR[LAYERS], ZF[LAYERS + 1];
static const double ZIG_R = 4.038849846109504, ZIG_V = 0.001226324646353088;

static void tables(void) {
  ZX[0] = ZIG_V / exp(-0.5 * ZIG_R * ZIG_R);
  ZX[1] = ZIG_R;
  for (int i = 1; i < LAYERS - 1; i++) ZX[i + 1] = sqrt(-2 * log(ZIG_V / ZX[i] + exp(-0.5 * ZX[i] * ZX[i])));
  ZX[LAYERS] = 0;
  for (int i = 0; i < LAYERS; i++) ZR[i] = ZX[i + 1] / ZX[i];
  for (int i = 0; i <= LAYERS; i++) ZF[i] = exp(-0.5 * ZX[i] * ZX[i]);
}

static inline void philox(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1, uint32_t out[4]) {
  for (int r = 0; r < 10; r++) {
    uint64_t p0 = (uint64_t)0xd2511f53u * c0, p1 = (uint64_t)0xcd9e8d57u * c2;
    uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0, n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
    c1 = (uint32_t)p1; c3 = (uint32_t)p0; c0 = n0; c2 = n2;
    k0 += 0x9e3779b9u; k1 += 0xbb67ae85u;
  }
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

static inline double uniform52(uint32_t a, uint32_t b) { return ((double)(a >> 12) * 4294967296.0 + (double)b + 0.5) * 2.220446049250313e-16; }

static double zig_slow(uint32_t word, uint32_t k, uint32_t w, uint32_t k0, uint32_t k1) {
  uint32_t attempt = 0, o[4];
  for (;;) {
    int i = word & (LAYERS - 1);
    double u = ((double)(word >> 10) + 0.5) * 4.76837158203125e-7 - 1.0;
    if (fabs(u) < ZR[i]) return u * ZX[i];
    if (i == 0) {
      for (;;) {
        philox(k, ++attempt, w, 2, k0, k1, o);
        double x = -log(uniform52(o[0], o[1])) / ZIG_R, y = -log(uniform52(o[2], o[3]));
        if (y + y > x * x) return u < 0 ? -(ZIG_R + x) : ZIG_R + x;
      }
    }
    double x = u * ZX[i];
    philox(k, ++attempt, w, 2, k0, k1, o);
    if (ZF[i] + uniform52(o[0], o[1]) * (ZF[i + 1] - ZF[i]) < exp(-0.5 * x * x)) return x;
    word = o[2];
  }
}

static inline uint32_t rotl32(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static inline uint32_t xoshiro_next(uint32_t *s0, uint32_t *s1, uint32_t *s2, uint32_t *s3) {
  const uint32_t result = rotl32(*s0 + *s3, 7) + *s0, t = *s1 << 9;
  *s2 ^= *s0; *s3 ^= *s1; *s1 ^= *s2; *s0 ^= *s3; *s2 ^= t; *s3 = rotl32(*s3, 11);
  return result;
}

/* σ·ξ as the kernels form it: u·(σX_i) on the fast path, σ times the slow-path normal otherwise */
static double SX[LAYERS];
static inline double em_noise(uint32_t word, uint32_t k, uint32_t w, uint32_t k0, uint32_t k1, double sig) {
  int i = word & (LAYERS - 1);
  double u = ((double)(word >> 10) + 0.5) * 4.76837158203125e-7 - 1.0;
  if (fabs(u) < ZR[i]) return u * SX[i];
  return sig * zig_slow(word, k, w, k0, k1);
}


int main(int argc, char **argv) {
  if (argc < 7) { fprintf(stderr, "usage: %s N steps dt kT upper seed\n", argv[0]); return 2; }
  long N = atol(argv[1]); int steps = atoi(argv[2]);
  double dt = atof(argv[3]), kT = atof(argv[4]), hi = atof(argv[5]);
  uint64_t seed = strtoull(argv[6], 0, 10);
  uint32_t k0 = (uint32_t)seed, k1 = (uint32_t)(seed >> 32);
  tables();
  /* U = x^4/4 - x^2/2 → U' = x^3 - x; gamma = 1; start -1; no lower boundary */
  const double e0 = 0, e1 = -1, e2 = 0, e3 = 1, gamma = 1;
  const double drift = dt / gamma, sig = sqrt(2 * kT * dt / gamma), invDdt = gamma / (kT * dt);
  const double d0 = drift * e0, d1 = drift * e1, d2 = drift * e2, d3 = drift * e3;
  for (int i = 0; i < LAYERS; i++) SX[i] = sig * ZX[i];
  static double xa[CHUNK]; static int32_t idx[CHUNK], dead[CHUNK]; static uint32_t W[4][CHUNK], S[4][CHUNK];
  long escaped = 0; double walkerSteps = 0, sumSteps = 0;
  struct timespec t0, t1, c0, c1; clock_gettime(CLOCK_MONOTONIC, &t0); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
  for (long first = 0; first < N; first += CHUNK) {
    int count = (int)(N - first < CHUNK ? N - first : CHUNK), m = count;
    for (int i = 0; i < m; i++) {
      idx[i] = i; dead[i] = 0; xa[i] = -1.0;
      uint32_t o[4];
      philox(0, 0, (uint32_t)(first + i), 3, k0, k1, o);
      if (!(o[0] | o[1] | o[2] | o[3])) o[0] = 1;
      for (int r = 0; r < 4; r++) S[r][i] = o[r];
    }
    uint32_t cur = 0xffffffffu; int ndead = 0, n = 0;
    for (; n < steps && m > ndead; n++) {
      uint32_t k = (uint32_t)n;
      if ((k >> 2) != cur) {
        cur = k >> 2;
        for (int i = 0; i < m; i++)
          for (int r = 0; r < 4; r++) W[r][i] = xoshiro_next(&S[0][i], &S[1][i], &S[2][i], &S[3][i]);
      }
      const uint32_t *row = W[k & 3];
      for (int i = 0; i < m; i++) {
        if (dead[i]) continue;
        uint32_t w = (uint32_t)(first + idx[i]);
        double xc = xa[i];
        double xn = xc - (((d3 * xc + d2) * xc + d1) * xc + d0) + em_noise(row[i], k, w, k0, k1, sig);
        int st = 0;
        if (xn >= hi) st = 1;
        else {
          double aHi = (hi - xc) * (hi - xn) * invDdt;
          if (aHi < 37.0) {
            uint32_t o[4];
            philox((uint32_t)n, 0, w, 1, k0, k1, o);
            if (uniform52(o[0], o[1]) < exp(-aHi)) st = 1;
          }
        }
        xa[i] = xn;
        if (st) { dead[i] = 1; ndead++; escaped++; sumSteps += n + 1; walkerSteps += n + 1; }
      }
      if (ndead > 0 && ndead * 8 >= m) {
        int q = 0;
        for (int i = 0; i < m; i++) {
          if (dead[i]) continue;
          idx[q] = idx[i]; dead[q] = 0; xa[q] = xa[i];
          for (int r = 0; r < 4; r++) { W[r][q] = W[r][i]; S[r][q] = S[r][i]; }
          q++;
        }
        m = q; ndead = 0;
      }
    }
    for (int i = 0; i < m; i++) if (!dead[i]) walkerSteps += n;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
  double s = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
  double cs = (c1.tv_sec - c0.tv_sec) + 1e-9 * (c1.tv_nsec - c0.tv_nsec);
  printf("{\"walkerSteps\": %.0f, \"seconds\": %.6f, \"cpuSeconds\": %.6f, \"escaped\": %ld, \"sumSteps\": %.0f}\n", walkerSteps, s, cs, escaped, sumSteps);
  return 0;
}
