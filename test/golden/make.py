"""Golden values for the estimators (src/estimate), from statsmodels and scipy.

Run with Debian's python3 (apt-get install python3-statsmodels python3-scipy), from the repository root:

    /usr/bin/python3 test/golden/make.py

It writes the small CSV inputs the tests read (from statsmodels' public-domain `longley` and `macrodata`
datasets, plus count and arms-race data generated here with fixed seeds) and `estimate.json` with the reference
numbers. Versions used are recorded in the JSON. CI does not run this script: it reads the committed files.
"""
import json
import os
import sys

import numpy as np
import scipy
import scipy.linalg
import statsmodels
import statsmodels.api as sm
from statsmodels.tsa.api import VAR

HERE = os.path.dirname(os.path.abspath(__file__))


def write_csv(name, header, columns):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for row in zip(*columns):
            f.write(",".join(repr(float(v)) if not float(v).is_integer() else str(int(v)) for v in row) + "\n")


def ls(a):
    return np.asarray(a, dtype=float).tolist()


def ols_summary(res):
    return {
        "params": ls(res.params), "bse": ls(res.bse), "tvalues": ls(res.tvalues), "pvalues": ls(res.pvalues),
        "rsquared": float(res.rsquared), "rsquared_adj": float(res.rsquared_adj),
        "fvalue": float(res.fvalue), "f_pvalue": float(res.f_pvalue), "llf": float(res.llf),
        "aic": float(res.aic), "bic": float(res.bic), "df_resid": float(res.df_resid), "nobs": float(res.nobs),
    }


out = {"versions": {"python": sys.version.split()[0], "statsmodels": statsmodels.__version__,
                    "scipy": scipy.__version__, "numpy": np.__version__}}

# --- OLS: Longley (NIST StRD) -------------------------------------------------------------------------------------
longley = sm.datasets.longley.load_pandas().data
lcols = ["TOTEMP", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]
write_csv("longley.csv", lcols, [longley[c].values for c in lcols])
X = sm.add_constant(longley[lcols[1:]].values)
y = longley["TOTEMP"].values
out["longley"] = {"y": "TOTEMP", "x": lcols[1:], "ols": ols_summary(sm.OLS(y, X).fit()),
                  "hc1": ols_summary(sm.OLS(y, X).fit(cov_type="HC1", use_t=True))}

# --- macrodata: OLS with HC1, VAR ---------------------------------------------------------------------------------
macro = sm.datasets.macrodata.load_pandas().data
growth = np.diff(np.log(macro[["realgdp", "realcons", "realinv"]].values), axis=0)
vnames = ["gdp", "cons", "inv"]
write_csv("macro_growth.csv", vnames + ["tbilrate", "unemp", "infl"],
          [growth[:, 0], growth[:, 1], growth[:, 2], macro["tbilrate"].values[1:], macro["unemp"].values[1:],
           macro["infl"].values[1:]])
Xm = sm.add_constant(np.column_stack([growth[:, 0], macro["tbilrate"].values[1:], macro["unemp"].values[1:]]))
ym = growth[:, 2]
out["macro_ols"] = {"y": "inv", "x": ["gdp", "tbilrate", "unemp"], "ols": ols_summary(sm.OLS(ym, Xm).fit()),
                    "noconst": ols_summary(sm.OLS(ym, Xm[:, 1:]).fit()),
                    "hc1": ols_summary(sm.OLS(ym, Xm).fit(cov_type="HC1", use_t=True))}


def var_summary(res, irf_h=10, steps=5):
    k = res.neqs
    causality = []
    for c in range(k):
        for e in range(k):
            if c == e or res.k_ar == 0:
                continue
            t = res.test_causality(e, [c], kind="f")
            causality.append({"cause": vnames[c], "effect": vnames[e], "F": float(t.test_statistic),
                              "df1": float(t.df[0]), "df2": float(t.df[1]), "p": float(t.pvalue)})
    d = {
        "lags": int(res.k_ar), "nobs": int(res.nobs), "intercept": ls(res.params[0]),
        "coefs": ls(res.coefs), "stderr": ls(res.stderr), "sigma_u": ls(res.sigma_u),
        "sigma_u_mle": ls(res.sigma_u_mle), "llf": float(res.llf), "aic": float(res.aic), "bic": float(res.bic),
        "hqic": float(res.hqic), "fpe": float(res.fpe), "granger": causality,
    }
    if res.k_ar > 0:
        ir = res.irf(irf_h)
        d["irf"] = {"plain": ls(ir.irfs), "orthogonalized": ls(ir.orth_irfs)}
        d["forecast"] = ls(res.forecast(res.endog[-res.k_ar:], steps))
    return d


model = VAR(growth)
out["var"] = {"vars": vnames, "p2": var_summary(model.fit(2)), "p1": var_summary(model.fit(1)),
              "p0": var_summary(model.fit(0))}
sel = model.select_order(8)
out["var"]["select8"] = {"ics": {k: ls(v) for k, v in sel.ics.items()}, "selected": {k: int(v) for k, v in sel.selected_orders.items()}}
auto = model.fit(maxlags=8, ic="bic")
out["var"]["auto_bic"] = {"lags": int(auto.k_ar), "aic": float(auto.aic)}

# --- VAR summary, diagnostics, FEVD, forecast intervals (the workbench's `fit var`) ----------------------------
from scipy import stats as sps
from statsmodels.stats.diagnostic import het_arch


def var_workbench(res, fevd_h=8, steps=5, arch_lags=4):
    p, k = res.k_ar, res.neqs
    Z, Y = res.endog_lagged, res.endog[p:]
    equations = []
    for i in range(k):
        o = sm.OLS(Y[:, i], Z).fit()
        equations.append({"rsquared": float(o.rsquared), "rsquared_adj": float(o.rsquared_adj),
                          "fvalue": float(o.fvalue) if Z.shape[1] > 1 else None,
                          "f_pvalue": float(o.f_pvalue) if Z.shape[1] > 1 else None,
                          "resid_se": float(np.sqrt(res.sigma_u[i, i]))})
    sd = np.sqrt(np.diag(res.sigma_u))
    d = {
        "lags": int(p), "tvalues": ls(res.tvalues), "pvalues": ls(res.pvalues),
        "pvalues_t": ls(2 * sps.t.sf(np.abs(res.tvalues), res.df_resid)),
        "equations": equations, "resid_corr": ls(res.sigma_u / np.outer(sd, sd)),
        "companion_eigenvalues_abs": sorted(np.abs(np.linalg.eigvals(util.comp_matrix(res.coefs))).tolist(), reverse=True),
        "companion_eigenvalues": [[float(z.real), float(z.imag)] for z in sorted(np.linalg.eigvals(util.comp_matrix(res.coefs)), key=lambda z: (z.real, z.imag))],
        "stable": bool(res.is_stable()),
        "fevd": ls(res.fevd(fevd_h).decomp.swapaxes(0, 1)),  # [h-1][i][j], h = 1..H
    }
    point, lower, upper = res.forecast_interval(res.endog[-p:], steps, alpha=0.05)
    d["forecast_interval"] = {"steps": steps, "alpha": 0.05, "point": ls(point), "lower": ls(lower), "upper": ls(upper),
                              "mse": ls(res.mse(steps))}
    point90, lower90, upper90 = res.forecast_interval(res.endog[-p:], steps, alpha=0.1)
    d["forecast_interval90"] = {"lower": ls(lower90), "upper": ls(upper90)}
    d["whiteness"] = {}
    for adjusted in (False, True):
        w = res.test_whiteness(nlags=10, adjusted=adjusted)
        d["whiteness"]["ljungbox" if adjusted else "boxpierce"] = {"nlags": 10, "statistic": float(w.test_statistic),
                                                                   "df": int(w.df), "pvalue": float(w.pvalue)}
    n = res.test_normality()
    d["normality"] = {"statistic": float(n.test_statistic), "df": int(n.df), "pvalue": float(n.pvalue)}
    arch = []
    for i in range(k):
        lm, lmp, f, fp = het_arch(res.resid[:, i], nlags=arch_lags)
        arch.append({"lm": float(lm), "lm_pvalue": float(lmp), "f": float(f), "f_pvalue": float(fp)})
    d["arch"] = {"nlags": arch_lags, "equations": arch}
    return d


from statsmodels.tsa.vector_ar import util
out["var_workbench"] = {"vars": vnames, "p2": var_workbench(model.fit(2)), "p1": var_workbench(model.fit(1))}

# A long simulated VAR(1) (seed 11): the bootstrap IRF bands must roughly cover the asymptotic (delta-method) ones.
rng = np.random.default_rng(11)
A1 = np.array([[0.5, 0.2], [-0.1, 0.4]])
chol = np.array([[1.0, 0.0], [0.4, 0.8]])
ys = [np.zeros(2)]
for _ in range(2099):
    ys.append(np.array([0.3, -0.2]) + A1 @ ys[-1] + chol @ rng.normal(size=2))
ys = np.array(ys[100:])
write_csv("var_long.csv", ["a", "b"], [ys[:, 0], ys[:, 1]])
long_res = VAR(ys).fit(1)
long_irf = long_res.irf(8)
out["var_workbench"]["long"] = {"vars": ["a", "b"], "lags": 1, "horizon": 8, "nobs": int(long_res.nobs),
                                "irf": ls(long_irf.irfs), "stderr": ls(long_irf.stderr(orth=False)),
                                "orth_irf": ls(long_irf.orth_irfs), "orth_stderr": ls(long_irf.stderr(orth=True))}

# --- Count data: NB2 with exposure and a lagged covariate (seed 20241) --------------------------------------------
rng = np.random.default_rng(20241)
n = 150
days = rng.integers(28, 32, size=n).astype(float)
exercise = (rng.random(n) < 0.3).astype(float)
tension = rng.normal(size=n)
mu = days / 30.0 * np.exp(0.2 + 0.8 * np.concatenate([[0.0], exercise[:-1]]) + 0.4 * tension)
alpha = 0.7
launches = rng.poisson(rng.gamma(1 / alpha, alpha * mu)).astype(float)
write_csv("counts.csv", ["launches", "exercise", "tension", "days"], [launches, exercise, tension, days])
yc = launches[1:]
Xc = sm.add_constant(np.column_stack([exercise[:-1], tension[1:]]))
expo = days[1:]
pois = sm.Poisson(yc, Xc, exposure=expo).fit(method="newton", tol=1e-14, maxiter=200, disp=0)
nb = sm.NegativeBinomial(yc, Xc, exposure=expo, loglike_method="nb2").fit(method="newton", tol=1e-14, maxiter=300, disp=0)
out["counts"] = {
    "y": "launches", "x": ["exercise:1", "tension"], "exposure": "days",
    "poisson": {"params": ls(pois.params), "bse": ls(pois.bse), "pvalues": ls(pois.pvalues), "llf": float(pois.llf), "aic": float(pois.aic),
                "bic": float(pois.bic), "nobs": float(pois.nobs)},
    "negbin": {"params": ls(nb.params), "bse": ls(nb.bse), "pvalues": ls(nb.pvalues), "llf": float(nb.llf), "aic": float(nb.aic),
               "bic": float(nb.bic), "nobs": float(nb.nobs)},
}

# --- Richardson: a noisy two-bloc arms race (seed 7) --------------------------------------------------------------
rng = np.random.default_rng(7)
M = np.array([[0.9, 0.15], [0.1, 0.85]])
c = np.array([2.0, 3.0])
xs = [np.array([20.0, 25.0])]
for _ in range(39):
    xs.append(M @ xs[-1] + c + rng.normal(scale=0.5, size=2))
xs = np.array(xs)
years = np.arange(1950, 1950 + len(xs), dtype=float)
write_csv("arms.csv", ["year", "U", "V"], [years, xs[:, 0], xs[:, 1]])
U, V = xs[:, 0], xs[:, 1]
s = U + V
pooled = sm.OLS(np.diff(s), sm.add_constant((s[1:] + s[:-1]) / 2)).fit()
# Per-stock elasticity form (docs/estimation.md): ΔU_t/U0 on const, V_t/V0 − 1, U_t/U0 − 1, with base the first row.
def per_stock(own, rival, form):
    yv = np.diff(own) / own[0]
    thr = rival[:-1] / rival[0] - 1
    ownr = own[:-1] / own[0] - 1
    if form == "levels":
        return sm.OLS(yv, sm.add_constant(np.column_stack([thr, ownr]))).fit()
    if form == "trend":
        t = np.arange(1, len(yv) + 1, dtype=float)
        return sm.OLS(yv, sm.add_constant(np.column_stack([thr, ownr, t]))).fit()
    return sm.OLS(np.diff(yv), sm.add_constant(np.column_stack([np.diff(thr), np.diff(ownr)]))).fit()
out["richardson"] = {
    "pooled": ols_summary(pooled),
    "perStock": {form: {"U": ols_summary(per_stock(U, V, form)), "V": ols_summary(per_stock(V, U, form))}
                 for form in ["levels", "diff", "trend"]},
}
# Continuous-time reading of the discrete two-bloc fit x_{t+1} = M x_t + c (dt = 1 year).
Z = sm.add_constant(xs[:-1])
B = np.linalg.lstsq(Z, xs[1:], rcond=None)[0]
aug = np.eye(3)
aug[:2, :2] = B[1:].T
aug[:2, 2] = B[0]
L = scipy.linalg.logm(aug).real
out["richardson"]["discrete"] = {"M": ls(B[1:].T), "c": ls(B[0]), "A": ls(L[:2, :2]), "b": ls(L[:2, 2])}

# --- logm references --------------------------------------------------------------------------------------------
mats = {
    "spd": [[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]],
    "nonsym": [[1.2, 0.5, 0.0], [-0.3, 0.9, 0.4], [0.1, 0.0, 1.5]],
    "rotationScaled": [[0.6, -0.8], [0.8, 0.6]],
    "nearIdentity": [[1.0001, 1e-5], [2e-5, 0.99995]],
    "large": [[50.0, 2.0], [1.0, 30.0]],
}
out["logm"] = {k: {"A": v, "logA": ls(scipy.linalg.logm(np.array(v)).real)} for k, v in mats.items()}

with open(os.path.join(HERE, "estimate.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote", os.path.join(HERE, "estimate.json"))
