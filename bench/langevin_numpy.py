"""NumPy peers for bench/langevin.mjs: vectorized Euler–Maruyama for the overdamped double well
U = x^4/4 - x^2/2 (gamma = 1), walkers from -1, absorbed at x >= upper; one standard_normal draw
per step for the whole ensemble (default_rng). Two ways a scientist would write it:
  plain    the textbook loop: x += (x - x^3) dt + sigma xi with temporaries, boolean bookkeeping;
  inplace  the same arithmetic with preallocated buffers (standard_normal(out=), ufuncs with out=),
           and the first-passage bookkeeping only on steps where a walker crossed.
Usage: python3 langevin_numpy.py N steps dt kT upper seed [plain|inplace] -> JSON on stdout."""
import json
import sys
import time

import numpy as np


def plain(rng, n, steps, dt, sigma, upper):
    x = np.full(n, -1.0)
    alive = np.ones(n, dtype=bool)
    t_hit = np.full(n, np.nan)
    for k in range(steps):
        xi = rng.standard_normal(n)
        x += (x - x * x * x) * dt + sigma * xi
        hit = alive & (x >= upper)
        t_hit[hit] = (k + 1) * dt
        alive &= ~hit
    return alive


def inplace(rng, n, steps, dt, sigma, upper):
    x = np.full(n, -1.0)
    alive = np.ones(n, dtype=bool)
    t_hit = np.full(n, np.nan)
    xi, drift, hit = np.empty(n), np.empty(n), np.empty(n, dtype=bool)
    for k in range(steps):
        rng.standard_normal(out=xi)
        np.multiply(x, x, out=drift)
        drift *= x
        np.subtract(x, drift, out=drift)  # x - x^3
        drift *= dt
        xi *= sigma
        drift += xi
        x += drift
        np.greater_equal(x, upper, out=hit)
        hit &= alive
        if hit.any():
            t_hit[hit] = (k + 1) * dt
            alive &= ~hit
    return alive


def main() -> None:
    n, steps = int(sys.argv[1]), int(sys.argv[2])
    dt, kT, upper, seed = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
    variant = sys.argv[7] if len(sys.argv) > 7 else "plain"
    run = {"plain": plain, "inplace": inplace}[variant]
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(2.0 * kT * dt)
    start = time.perf_counter()
    cpu0 = time.process_time()
    alive = run(rng, n, steps, dt, sigma, upper)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    print(json.dumps({"walkerSteps": n * steps, "seconds": seconds, "cpuSeconds": cpu, "escaped": int(np.count_nonzero(~alive)), "numpy": np.__version__, "variant": variant}))


if __name__ == "__main__":
    main()
