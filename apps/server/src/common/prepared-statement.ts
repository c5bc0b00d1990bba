/**
 * A statement that PostgreSQL parses and plans once per connection, then reuses (a node-postgres named
 * statement). For hot reads and writes whose planning costs more than their execution: the meeting read
 * behind every accept planned in 1.2 ms and executed in 0.2 ms.
 *
 * `manager.query(preparedStatement(name, sql), params)`: TypeORM hands the query object to node-postgres
 * unchanged (its errors still come back as QueryFailedError); `toString` keeps TypeORM's query log readable.
 * A name must always stand for the same text.
 */
export function preparedStatement(name: string, text: string): string {
  const statement = { name, text, toString: () => text };
  return statement as unknown as string;
}
