/**
 * The lens's tools script: a column list's verdict and fetching earlier years (lib/tools.ts).
 * Not declared for any real site: the background injects it when the lens asks for it.
 */
import type { PlasmoCSConfig } from 'plasmo';
import { checkColumnPage } from '../lib/column';
import { fetchEarlierYears } from '../lib/earlier-fetch';
import { reportListing } from '../lib/report-column';
import { provideTools } from '../lib/tools';

export const config: PlasmoCSConfig = { matches: ['https://gongkai-lens.invalid/*'] };

provideTools({
  columnPage(doc, now) {
    const v = checkColumnPage(doc, now);
    return { ...v, listing: v.category === 'reports' ? reportListing(v.items, now) : null };
  },
  fetchEarlierYears,
});
