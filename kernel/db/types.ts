import pg from 'pg';

let installed = false;

/**
 * node-postgres returns int8 (bigint, count(*)) as strings. Orion's int8 values are ids, counts and money in minor
 * units, all far below 2^53, so they come back as numbers on PostgreSQL and PGlite alike (both go through `pg`).
 */
export function installTypeParsers(): void {
  if (installed) return;
  installed = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is outside the safe integer range`);
    return n;
  });
}
