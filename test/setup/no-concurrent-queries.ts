// Runs in every test file (jest setupFilesAfterEnv). pg 8 warns, once per process, when a query is
// queued on a connection that is still busy (a Promise.all on a transaction's manager); pg 9 will
// refuse it. Here every query sent while another is executing on the same connection is caught,
// with its stack, and fails the test file.
import { Client } from 'pg';

const offenders: string[] = [];
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .apply(this)
const original = Client.prototype.query;

type Internals = { _queryQueue?: unknown[]; _activeQuery?: unknown; pipeline?: boolean };

Client.prototype.query = function patchedQuery(this: Client & Internals, ...args: unknown[]) {
  if ((this._activeQuery || (this._queryQueue?.length ?? 0) > 0) && !this.pipeline) {
    const stack = new Error('query sent while the connection was busy').stack ?? '';
    // TypeORM's schema differ (the drift test, `migration:generate`) does this internally; the apps never run it.
    if (!stack.includes('RdbmsSchemaBuilder')) offenders.push(stack);
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

afterAll(() => {
  if (offenders.length) throw new Error(`pg: ${offenders.length} queries sent on a busy connection; the first:\n${offenders[0]}`);
});
