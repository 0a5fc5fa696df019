import { accept, type Warn } from '../core/settings.js';
import { readTimeZone } from '../text/format.js';

/**
 * The `timeZone` setting: a canonical IANA name or `UTC`, `''` for the browser's; a name the
 * browser does not know keeps the zone held, with a warning. `changed` hears each new zone.
 */
export function timeZoneSetting(warn: Warn, changed: (zone: string) => void): { timeZone: string } {
  let zone = '';
  return {
    get timeZone() {
      return zone;
    },
    set timeZone(value: string) {
      const next = accept(warn, 'timeZone', value, readTimeZone(value, zone));
      if (next !== zone) changed((zone = next));
    },
  };
}
