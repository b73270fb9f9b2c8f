// Minimal types for the parts of jstat the project uses (jstat ships none). Default import only in ESM.
declare module 'jstat' {
  interface Continuous {
    cdf(x: number, ...params: number[]): number;
    pdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  interface JStat {
    studentt: Continuous;
    centralF: Continuous;
    chisquare: Continuous;
    normal: Continuous;
    beta: Continuous;
    /** Regularized incomplete beta I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
    /** Regularized lower incomplete gamma P(a, x). */
    lowRegGamma(a: number, x: number): number;
    gammaln(x: number): number;
  }
  const jStat: JStat;
  export default jStat;
}
