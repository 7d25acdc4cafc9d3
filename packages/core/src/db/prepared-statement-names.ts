/**
 * Prepared-statement names by SQL text, for the statements whose plan does not depend on their
 * values: the request's set-up and the selection compiler's reads (one text per selection shape,
 * every value a parameter, each table read through its `tenant_id`-led index). They are parsed
 * once per connection, and after five runs PostgreSQL may keep a generic plan. That is why not
 * every statement is named: a generic plan of the ledger's figures (a smallint array parameter)
 * read the whole ledger through the wrong index, 24 ms where the custom plan takes 2. Names are
 * never taken back; past `limit` further texts stay unnamed, so that a burst of odd selections
 * cannot grow what each connection keeps prepared on the server.
 */
export class PreparedStatementNames {
  readonly #names: Map<string, string>;
  #issued = 0;

  constructor(
    private readonly prefix: string,
    fixed: ReadonlyMap<string, string> = new Map(),
    private readonly limit = 500,
  ) {
    this.#names = new Map(fixed);
  }

  nameFor(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known || this.#issued >= this.limit) return known;
    this.#issued += 1;
    const name = `${this.prefix}_${this.#issued}`;
    this.#names.set(text, name);
    return name;
  }

  /** The name `text` already has, without giving it one. */
  nameOf(text: string): string | undefined {
    return this.#names.get(text);
  }
}
