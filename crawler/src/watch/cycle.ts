/**
 * One watch cycle: crawl the portals (`crawl()`: an unfinished run from a killed cycle is resumed,
 * otherwise a new run is kept beside the earlier ones), work out what changed (changes.ts), remember
 * it (state.ts) and deliver the alerts (alerts/deliver.ts). A run stopped early (`--max-pages`, Ctrl-C)
 * is not judged: its changes come when it is finished by the next cycle.
 */
import { crawl, type CrawlOptions, type CrawlResult } from '../crawl/run.js';
import type { Store } from '../store/types.js';
import { deliverAll, type ChannelReport, type DeliverOptions } from './alerts/deliver.js';
import type { AlertsConfig } from './alerts/config.js';
import { runChanges } from './changes.js';
import type { LimitOverrides } from './limits.js';
import { recordChanges } from './state.js';
import type { Changes } from './types.js';

export interface CycleOptions extends DeliverOptions {
  crawl: Omit<CrawlOptions, 'store' | 'fresh'> & { store: Store };
  leadDays: number;
  limits?: ReadonlyMap<string, LimitOverrides>;
  alerts?: AlertsConfig | null;
}

/** `opened`: alert keys new with this run; `cleared`: conditions this run found gone. */
export interface CycleResult { crawl: CrawlResult; changes: Changes | null; opened: string[]; cleared: string[]; deliveries: ChannelReport[] }

export async function watchCycle(o: CycleOptions): Promise<CycleResult> {
  const result = await crawl({ ...o.crawl, fresh: false });
  if (!result.complete || result.run.status !== 'done') return { crawl: result, changes: null, opened: [], cleared: [], deliveries: [] };
  const store = o.crawl.store;
  const changes = await runChanges(store, result.run, { leadDays: o.leadDays, limits: o.limits });
  const { opened, cleared } = await recordChanges(store, result.run, changes);
  const deliveries = o.alerts ? await deliverAll(store, result.run, o.alerts, o) : [];
  return { crawl: result, changes, opened, cleared, deliveries };
}
