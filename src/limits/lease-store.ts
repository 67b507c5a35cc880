// Where budgets live between instances: rows of `limit_counters`, one per budget and window, whose
// `used` is what every instance together has leased (rate limits) or spent plus leased (quotas). An
// interface with a Postgres and an in-memory implementation, so the ledger is unit-tested without a
// database and several ledgers can share one memory store to play several instances.
import type { Sql } from "postgres";

export interface LeaseGrant {
  /** How much of the asked amount was added to `used` for this caller (0 when the budget is spent). */
  granted: number;
  /** `used` after the grant, everyone's share included. */
  used: number;
}

export interface LeaseStore {
  /** Add up to `want` to the budget's `used` without passing `limit`; atomic across instances. */
  lease(counterKey: string, windowStart: number, want: number, limit: number): Promise<LeaseGrant>;
  /** Take back `amount` leased earlier and not used. */
  giveBack(counterKey: string, windowStart: number, amount: number): Promise<void>;
  /** Current `used` of several budgets (missing rows read as 0); for reporting, not for admission. */
  read(budgets: readonly { counterKey: string; windowStart: number }[]): Promise<number[]>;
}

export class PostgresLeaseStore implements LeaseStore {
  constructor(private readonly sql: Sql) {}

  async lease(counterKey: string, windowStart: number, want: number, limit: number): Promise<LeaseGrant> {
    const window = new Date(windowStart);
    // The common case in one statement: the whole slice fits.
    const [fits] = await this.sql<{ used: string }[]>`
      update limit_counters set used = used + ${want}, updated_at = now()
      where counter_key = ${counterKey} and window_start = ${window} and used + ${want} <= ${limit}
      returning used`;
    if (fits) return { granted: want, used: Number(fits.used) };
    // Missing row or a partial grant: lock the one row, grant what is left. A transaction that locks a
    // single row cannot take part in a deadlock cycle with the usage writer's sorted multi-row update.
    return this.sql.begin(async (tx) => {
      await tx`insert into limit_counters (counter_key, window_start, used) values (${counterKey}, ${window}, 0) on conflict do nothing`;
      const [row] = await tx<{ used: string }[]>`
        select used from limit_counters where counter_key = ${counterKey} and window_start = ${window} for update`;
      const used = Number(row?.used ?? 0);
      const granted = Math.max(0, Math.min(want, limit - used));
      if (granted > 0) {
        await tx`update limit_counters set used = used + ${granted}, updated_at = now() where counter_key = ${counterKey} and window_start = ${window}`;
      }
      return { granted, used: used + granted };
    });
  }

  async giveBack(counterKey: string, windowStart: number, amount: number): Promise<void> {
    if (amount <= 0) return;
    await this.sql`
      update limit_counters set used = greatest(0, used - ${amount}), updated_at = now()
      where counter_key = ${counterKey} and window_start = ${new Date(windowStart)}`;
  }

  async read(budgets: readonly { counterKey: string; windowStart: number }[]): Promise<number[]> {
    if (budgets.length === 0) return [];
    const keys = budgets.map((budget) => budget.counterKey);
    const windows = budgets.map((budget) => new Date(budget.windowStart).toISOString());
    const rows = await this.sql<{ counter_key: string; window_start: Date; used: string }[]>`
      select c.counter_key, c.window_start, c.used from limit_counters c
      join unnest(${keys}::text[], ${windows}::timestamptz[]) as b(counter_key, window_start)
        on b.counter_key = c.counter_key and b.window_start = c.window_start`;
    const found = new Map(rows.map((row) => [`${row.counter_key}@${row.window_start.getTime()}`, Number(row.used)]));
    return budgets.map((budget) => found.get(`${budget.counterKey}@${budget.windowStart}`) ?? 0);
  }
}

/** The same contract in memory: for unit tests, and to simulate several instances sharing one store. */
export class MemoryLeaseStore implements LeaseStore {
  readonly used = new Map<string, number>();
  /** Set to make every call fail, as when the database is away. */
  failing = false;
  calls = 0;

  private check(): void {
    this.calls++;
    if (this.failing) throw new Error("lease store unavailable");
  }

  async lease(counterKey: string, windowStart: number, want: number, limit: number): Promise<LeaseGrant> {
    this.check();
    const id = `${counterKey}@${windowStart}`;
    const used = this.used.get(id) ?? 0;
    const granted = Math.max(0, Math.min(want, limit - used));
    this.used.set(id, used + granted);
    return { granted, used: used + granted };
  }

  async giveBack(counterKey: string, windowStart: number, amount: number): Promise<void> {
    this.check();
    const id = `${counterKey}@${windowStart}`;
    this.used.set(id, Math.max(0, (this.used.get(id) ?? 0) - amount));
  }

  /** What the usage writer's hook does in Postgres: add actual spending. */
  add(counterKey: string, windowStart: number, amount: number): void {
    const id = `${counterKey}@${windowStart}`;
    this.used.set(id, (this.used.get(id) ?? 0) + amount);
  }

  async read(budgets: readonly { counterKey: string; windowStart: number }[]): Promise<number[]> {
    this.check();
    return budgets.map((budget) => this.used.get(`${budget.counterKey}@${budget.windowStart}`) ?? 0);
  }
}
