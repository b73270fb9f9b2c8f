import { z } from 'zod';

/** An identifier: a letter, then letters, digits, `_`, `.` or `-`. */
export const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'ids start with a letter and use letters, digits, _ . -');
/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');
/** A calendar month, YYYY-MM. */
export const isoMonth = z.string().regex(/^\d{4}-\d{2}$/, 'months are written YYYY-MM');
