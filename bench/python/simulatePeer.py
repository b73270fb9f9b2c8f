# A numpy/scipy peer of `flashpoints simulate scenarios/korea-2024.yaml` (bench/cliStartup.ts): the same start-up
# work of a scientific Python script — parse the same YAML file, then solve a linear system of the same size
# exactly, x(t) from the matrix exponential of the augmented matrix [[A, b], [0, 0]] at the 11 yearly output times —
# and print the trajectories. Not the model: a reference for what a whole process of this kind costs.
import json
import sys

import numpy as np
import yaml
from scipy.linalg import expm

scenario = yaml.safe_load(open(sys.argv[1], encoding='utf8'))
stocks = [(a['id'], k) for a in scenario['actors'] for k in (a.get('capabilities') or {})]
n = len(stocks)
rng = np.random.default_rng(1)
A = -0.1 * np.eye(n) + 0.01 * rng.standard_normal((n, n))
b = rng.random(n)
M = np.zeros((n + 1, n + 1))
M[:n, :n] = A
M[:n, n] = b
x0 = np.append(rng.random(n), 1.0)
series = [(expm(M * t) @ x0)[:n].tolist() for t in range(11)]
print(json.dumps({'stocks': [f'{a}.{k}' for a, k in stocks], 'series': series}))
