import pg from 'pg';
import { PreparedStatementNames } from './prepared-statement-names.ts';
import { StatementCounter } from './statement-counter.ts';
import {
  BEGIN_READ_AHEAD_SQL,
  BEGIN_READ_AHEAD_STATEMENT_NAME,
  BEGIN_REQUEST_SQL,
  BEGIN_REQUEST_STATEMENT_NAME,
} from './tenant-context.ts';

/** Fixed statements every request sends, by text, and the names they are prepared under. */
const NAMED_STATEMENTS: ReadonlyMap<string, string> = new Map([
  [BEGIN_REQUEST_SQL, BEGIN_REQUEST_STATEMENT_NAME],
  [BEGIN_READ_AHEAD_SQL, BEGIN_READ_AHEAD_STATEMENT_NAME],
]);

/** The query under its prepared name, when its text has one (or is to get one). */
function withName(names: PreparedStatementNames, query: QueryConfig, prepared = false): QueryConfig {
  if (query.name || !query.text) return query;
  const name = prepared ? names.nameFor(query.text) : names.nameOf(query.text);
  return name ? { ...query, name } : query;
}

interface ClientState {
  /** drizzle asked for BEGIN and it has not been written yet. */
  pendingBegin: boolean;
  /** The client's own `query`, beneath the pipelining. */
  send: (config: unknown, values?: unknown) => Promise<pg.QueryResult>;
}

/** One statement of a pipelined exchange: its text, its parameters, and whether to prepare it (`PreparedStatementNames`). */
export interface PipelinedStatement {
  text: string;
  values?: unknown[];
  prepared?: boolean;
}

type QueryConfig = { text?: string; name?: string; submit?: unknown } & Record<string, unknown>;

/**
 * Runs `write` (which sends statements in `pg`'s pipeline mode, each written at once) with the
 * connection's socket corked, so that all of them leave in one write instead of one system call
 * per statement: `pg` corks each extended-protocol statement on its own, and nested corks only
 * flush at the outermost uncork.
 */
function writtenTogether<T>(client: pg.PoolClient, write: () => T): T {
  const socket = (client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } })
    .connection?.stream;
  socket?.cork?.();
  try {
    return write();
  } finally {
    socket?.uncork?.();
  }
}

const result = (command: string) => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * A `pg` pool whose transactions spend no round trip of their own on BEGIN. drizzle sends BEGIN
 * and waits for its answer before the transaction's first statement; here BEGIN is answered at
 * once and written just ahead of that first statement, the two sent without waiting between them
 * (`pg`'s pipeline mode), so a request's BEGIN and its set-up (`app.begin_request`) reach the
 * server together: one round trip. A transaction that sends nothing sends no BEGIN, COMMIT or
 * ROLLBACK either. The set-up, and the statements `sendTogether` is asked to prepare, go as named
 * (prepared) statements (`PreparedStatementNames`). `roundTrips` counts what actually waits on
 * the server. Queries outside a transaction (`pool.query`) are untouched.
 */
export class PipelinedBeginPool extends pg.Pool {
  /** Replaceable, so that several pools can count into one. */
  roundTrips = new StatementCounter();
  readonly #states = new WeakMap<pg.PoolClient, ClientState>();
  readonly #names = new PreparedStatementNames('ssp', NAMED_STATEMENTS);

  constructor(config: pg.PoolConfig) {
    super({ ...config, pipeline: true } as pg.PoolConfig);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | undefined {
    // `pool.query` checks out with a callback: leave it as it is.
    if (callback) {
      super.connect(callback);
      return undefined;
    }
    return super.connect().then((client) => this.#prepare(client));
  }

  #prepare(client: pg.PoolClient): pg.PoolClient {
    const known = this.#states.get(client);
    if (known) {
      known.pendingBegin = false;
      return client;
    }
    const send = client.query.bind(client) as (config: unknown, values?: unknown, callback?: unknown) => unknown;
    const state: ClientState = { pendingBegin: false, send: send as ClientState['send'] };
    this.#states.set(client, state);
    const roundTrips = () => this.roundTrips;
    const names = this.#names;
    client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
      const query = (typeof config === 'string' ? { text: config } : config) as QueryConfig;
      if (typeof callback === 'function' || typeof values === 'function' || typeof query.submit === 'function') {
        roundTrips().logQuery(query.text ?? '');
        return send(config, values, callback);
      }
      const text = query.text?.trim().toLowerCase();
      if (text === 'begin') {
        state.pendingBegin = true;
        return Promise.resolve(result('BEGIN'));
      }
      const statement = withName(names, query);
      if (!state.pendingBegin) {
        roundTrips().logQuery(query.text ?? '');
        return send(statement, values);
      }
      state.pendingBegin = false;
      // Nothing was begun: nothing to end, and no round trip spent.
      if (text === 'commit' || text === 'rollback') return Promise.resolve(result(text.toUpperCase()));
      roundTrips().logQuery(query.text ?? '');
      // Both written now; if BEGIN failed, the statement must not count as inside a transaction.
      const [began, answered] = writtenTogether(client, () => [
        send('begin') as Promise<unknown>,
        send(statement, values) as Promise<unknown>,
      ]);
      return Promise.allSettled([began, answered]).then(([begin, answer]) => {
        if (begin.status === 'rejected') throw begin.reason;
        if (answer.status === 'rejected') throw answer.reason;
        return answer.value;
      });
    }) as typeof client.query;
    return client;
  }

  /**
   * Writes every statement at once and waits once for all their answers: one round trip. Each
   * goes with its own Sync, so statements inside a BEGIN ... COMMIT among them share that
   * transaction (a failure aborts the rest of it). Answers come back in order; the first failure,
   * in statement order, is thrown once every answer is in (the connection is then idle again).
   */
  async sendTogether(client: pg.PoolClient, statements: readonly PipelinedStatement[]): Promise<pg.QueryResult[]> {
    const state = this.#states.get(client) ?? this.#states.get(this.#prepare(client))!;
    if (state.pendingBegin) throw new Error('sendTogether inside a transaction begun through query()');
    this.roundTrips.logQuery(statements.map((statement) => statement.text).join(';\n'));
    const answers = await Promise.allSettled(
      writtenTogether(client, () =>
        statements.map((statement) =>
          state.send(withName(this.#names, { text: statement.text }, statement.prepared), statement.values),
        ),
      ),
    );
    const failed = answers.find((answer) => answer.status === 'rejected');
    if (failed) throw failed.reason;
    return answers.map((answer) => (answer as PromiseFulfilledResult<pg.QueryResult>).value);
  }
}
