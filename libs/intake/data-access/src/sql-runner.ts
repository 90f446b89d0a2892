/** A DataSource, an EntityManager inside a transaction, or a QueryRunner: anything that runs SQL. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function rows<T>(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await runner.query(sql, params)) as T[];
}
