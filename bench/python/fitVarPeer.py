# The statsmodels peer of `flashpoints fit var --lags auto --max-lags 8 --irf 10 --json` (bench/cliStartup.ts):
# read the CSV, select the lag order by AIC over 0..8, fit the VAR with a constant, all Granger tests, a 10-step
# impulse response (plain and orthogonalised), and print the results as JSON. Run with Debian's python3.
import json
import sys

import numpy as np
import pandas as pd
from statsmodels.tsa.api import VAR

data = pd.read_csv(sys.argv[1])[['a', 'b', 'c']]
model = VAR(data)
p = max(1, model.select_order(8).selected_orders['aic'])
fit = model.fit(p)
granger = {f'{x}->{y}': fit.test_causality(y, [x], kind='f').pvalue for x in data.columns for y in data.columns if x != y}
irf = fit.irf(10)
print(json.dumps({'p': int(p), 'params': np.asarray(fit.params).tolist(), 'granger': granger, 'irf': irf.irfs.tolist(), 'orth': irf.orth_irfs.tolist()}))
