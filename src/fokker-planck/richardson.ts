// Richardson extrapolation (Romberg table) for quantities with an error expansion in even powers
// of the cell width, as the SG discretization on a uniform cell-centred grid has: each column
// removes one power of h². The error estimate is the change of the diagonal between the last two
// grids, which bounds the error of the second-to-last diagonal entry and, empirically, overstates
// that of the last one.

/** A Romberg table for one quantity on grids refined by factors of 2. */
export class Romberg {
  private readonly rows: number[][] = [];

  /** Add the value on the next (twice finer) grid. */
  push(value: number): void {
    const row = [value];
    const prev = this.rows[this.rows.length - 1];
    for (let l = 1; l <= this.rows.length; l++) {
      const a = row[l - 1]!;
      const b = prev![l - 1]!;
      row.push(a + (a - b) / (4 ** l - 1));
    }
    this.rows.push(row);
  }

  /** The best estimate: the last diagonal entry. */
  get value(): number {
    const row = this.rows[this.rows.length - 1]!;
    return row[row.length - 1]!;
  }

  /** Absolute error estimate: |last diagonal − previous diagonal| (Infinity with one grid). */
  get error(): number {
    if (this.rows.length < 2) return Infinity;
    const a = this.rows[this.rows.length - 1]!;
    const b = this.rows[this.rows.length - 2]!;
    return Math.abs(a[a.length - 1]! - b[b.length - 1]!);
  }

  /** The raw (unextrapolated) value on grid `level` (0 = coarsest). */
  raw(level: number): number {
    return this.rows[level]![0]!;
  }

  /** Number of grids. */
  get levels(): number {
    return this.rows.length;
  }
}
