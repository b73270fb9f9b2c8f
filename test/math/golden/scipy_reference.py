"""Golden values for test/math/golden.test.ts from SciPy (an independent implementation).

Run with Debian's python3 (python3-scipy, python3-numpy), from the repository root:
    /usr/bin/python3 test/math/golden/scipy_reference.py > test/math/golden/scipy.json
scipy.linalg.expm is Al-Mohy & Higham's 2009 scaling and squaring; eigenvalues come from LAPACK's dgeev.
"""
import json
import sys

import numpy as np
import scipy
import scipy.linalg as la

rng = np.random.default_rng(20240601)
cases = []
# Dense non-normal matrices of growing size and norm, and one of the arms model's shape (18 states, fatigue on
# the diagonal, sparse reactions) with its augmented affine matrix.
for n, scale in [(2, 0.5), (3, 2.0), (5, 1.0), (6, 8.0), (8, 0.05), (10, 3.0), (12, 20.0), (19, 1.0)]:
    A = rng.uniform(-1, 1, size=(n, n)) * scale
    cases.append({"name": f"uniform {n}x{n} scale {scale}", "A": A})
n = 18
A = np.where(rng.uniform(size=(n, n)) < 0.35, rng.uniform(0, 0.08, size=(n, n)), 0.0)
np.fill_diagonal(A, -rng.uniform(0.15, 0.35, size=n))
b = rng.uniform(5, 900, size=n)
cases.append({"name": "arms-shaped 18x18", "A": A, "b": b, "h": 2.5})

out = {"generator": f"scipy {scipy.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}", "cases": []}
for c in cases:
    A = c["A"]
    entry = {"name": c["name"], "A": A.tolist(), "expm": la.expm(A).tolist()}
    w, vl, vr = la.eig(A, left=True, right=True)
    order = np.lexsort((w.imag, w.real))  # by real part, then imaginary part
    entry["eigenvalues"] = [[float(v.real), float(v.imag)] for v in w[order]]
    if "b" in c:
        n = A.shape[0]
        M = np.zeros((n + 1, n + 1))
        M[:n, :n] = A * c["h"]
        M[:n, n] = c["b"] * c["h"]
        E = la.expm(M)
        entry.update({"b": c["b"].tolist(), "h": c["h"], "phi": E[:n, :n].tolist(), "gamma": E[:n, n].tolist()})
    out["cases"].append(entry)
json.dump(out, sys.stdout, separators=(",", ":"))
print()
