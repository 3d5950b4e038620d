"""SciPy peer for bench/fokker-planck-2d.mjs: the same finite-volume backward equation (same grid,
same face weights), assembled with NumPy and solved by scipy.sparse.linalg.spsolve (SuperLU), on
the grids with the spacings given (as gridMfpt2D does them). Prints {"ms": best total time of
assembly + solve over the grids, "T": MFPT at the start on the last grid} as JSON."""
import json, math, sys, time
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import spsolve

spacings = [float(a) for a in sys.argv[1:-1]]; reps = int(sys.argv[-1])
kT, gamma = 0.1, 1.0
beta, D = 1 / kT, kT / gamma
x_at, (x_lo, _), (y0, y1) = 1.0, (-1.9, 1.0), (-1.0, 1.6)
def U(x, y): return (x * x - 1) ** 2 + 2 * (y - 0.3 * x * x) ** 2
def solve(h):
    nx = max(2, math.ceil((x_at - x_lo) / h)); ny = max(2, math.ceil((y1 - y0) / h) + 1)
    xs = x_at - (nx - np.arange(nx + 1)) * h
    ys = y0 + np.arange(ny) * h
    u = U(xs[:, None], ys[None, :])
    umin = u.min()
    n = nx * ny
    rows, cols, vals = [], [], []
    diag = np.zeros((nx, ny))
    idx = np.arange(n).reshape(nx, ny)
    ui = u[:nx]
    # x neighbours (i ± 1), the i + 1 = nx column is absorbing
    for di in (-1, 1):
        lo, hi = (1, nx) if di == -1 else (0, nx)
        w = np.zeros((nx, ny))
        w[lo:hi] = D / h**2 * np.exp(-beta * ((ui[lo:hi] + u[lo + di:hi + di]) / 2 - umin))
        diag += w
        inner = (np.arange(nx)[:, None] + di >= 0) & (np.arange(nx)[:, None] + di < nx) & np.ones((1, ny), bool)
        rows.append(idx[inner]); cols.append(idx[inner] + di * ny); vals.append(-w[inner])
    for dj in (-1, 1):
        w = np.zeros((nx, ny))
        sl = slice(1, ny) if dj == -1 else slice(0, ny - 1)
        sh = slice(0, ny - 1) if dj == -1 else slice(1, ny)
        w[:, sl] = D / h**2 * np.exp(-beta * ((ui[:, sl] + ui[:, sh]) / 2 - umin))
        diag += w
        mask = np.zeros((nx, ny), bool); mask[:, sl] = True
        rows.append(idx[mask]); cols.append(idx[mask] + dj); vals.append(-w[mask])
    rows.append(idx.ravel()); cols.append(idx.ravel()); vals.append(diag.ravel())
    A = sp.csc_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    b = np.exp(-beta * (ui - umin)).ravel()
    T = spsolve(A, b)
    # bilinear at (−1, 0.3)
    fi, fj = (-1 - (x_at - nx * h)) / h, (0.3 - y0) / h
    i, j = int(fi), int(fj); a, c = fi - i, fj - j
    Tg = T.reshape(nx, ny)
    at = lambda ii, jj: 0.0 if ii >= nx else Tg[ii, jj]
    return (1 - a) * (1 - c) * at(i, j) + a * (1 - c) * at(i + 1, j) + (1 - a) * c * at(i, j + 1) + a * c * at(i + 1, j + 1)
best, T0 = math.inf, math.nan
for _ in range(reps):
    t0 = time.perf_counter()
    for h in spacings:
        T0 = solve(h)
    best = min(best, time.perf_counter() - t0)
print(json.dumps({"ms": best * 1e3, "T": T0}))
