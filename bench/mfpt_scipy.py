"""SciPy peer for bench/mfpt.mjs: the MFPT of the double well by nested scipy.integrate.quad,
written the way a scientist would (inner integral shifted by U_min, breakpoints at the critical
points), timed and compared with the mpmath fixture."""
import json, math, os, time
from scipy.integrate import quad

here = os.path.dirname(os.path.abspath(__file__))
fixture = json.load(open(os.path.join(here, "..", "test", "fixtures", "mfpt_mpmath.json")))
U = lambda x: x**4 / 4 - x**2 / 2
print("SciPy nested quad (epsabs=0, epsrel=1e-12, limit=200), same cases")
print("βΔU   rel.err T   ms")
for c in fixture["mfpt"]:
    if not c["name"].startswith("double well, beta dU"):
        continue
    kT = c["kT"]; beta = 1 / kT; ref = float(c["mfpt"])
    L = -1 - math.sqrt(2 * 45 * kT) - 1.5  # well past the point where e^{-β(U-Umin)} < 1e-19
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        def inner(y):
            pts = [p for p in (-1.0, 0.0) if L < p < y]
            return quad(lambda z: math.exp(-beta * (U(z) + 0.25)), L, y, points=pts or None, epsabs=0, epsrel=1e-12, limit=200)[0]
        T = quad(lambda y: math.exp(beta * (U(y) + 0.25)) * inner(y), -1, 1, points=[0.0], epsabs=0, epsrel=1e-12, limit=200)[0] / kT
        best = min(best, time.perf_counter() - t0)
    print(f"{round(0.25 / kT):<5} {abs(T / ref - 1):<11.1e} {best * 1e3:.1f}")
