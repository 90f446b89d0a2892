/** A DataSource, an EntityManager inside a transaction, or a QueryRunner: anything that runs SQL. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * The rows of a statement. TypeORM's postgres driver answers UPDATE/DELETE ... RETURNING with
 * `[rows, affectedCount]` but SELECT and INSERT with the rows alone; this evens that out.
 */
export async function rows<T>(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = (await runner.query(sql, params)) as unknown[];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
