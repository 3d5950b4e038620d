"""NumPy peer for bench/langevin.mjs: vectorized Euler–Maruyama for the overdamped double well
U = x^4/4 - x^2/2 (gamma = 1), walkers from -1, absorbed at x >= upper, written as a scientist
would: one standard_normal draw per step for the whole ensemble (default_rng), in-place updates.
Usage: python3 langevin_numpy.py N steps dt kT upper seed -> JSON on stdout."""
import json
import sys
import time

import numpy as np


def main() -> None:
    n, steps = int(sys.argv[1]), int(sys.argv[2])
    dt, kT, upper, seed = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(2.0 * kT * dt)
    x = np.full(n, -1.0)
    alive = np.ones(n, dtype=bool)
    t_hit = np.full(n, np.nan)
    start = time.perf_counter()
    cpu0 = time.process_time()
    for k in range(steps):
        xi = rng.standard_normal(n)
        x += (x - x * x * x) * dt + sigma * xi
        hit = alive & (x >= upper)
        t_hit[hit] = (k + 1) * dt
        alive &= ~hit
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    print(json.dumps({"walkerSteps": n * steps, "seconds": seconds, "cpuSeconds": cpu, "escaped": int(np.count_nonzero(~alive)), "numpy": np.__version__}))


if __name__ == "__main__":
    main()
