import { accept, type Warn } from '../core/settings.js';
import { readTimeZone } from '../text/format.js';

/**
 * The `timeZone` setting: a canonical IANA name or `UTC`, `''` for the browser's; a name the
 * browser does not know keeps the zone held, with a warning. `changed` hears each new zone.
 */
export class TimeZoneSetting {
  private _zone = '';

  constructor(
    private readonly _warn: Warn,
    private readonly _changed: (zone: string) => void,
  ) {}

  get timeZone(): string {
    return this._zone;
  }
  set timeZone(value: string) {
    const zone = accept(this._warn, 'timeZone', value, readTimeZone(value, this._zone));
    if (zone === this._zone) return;
    this._zone = zone;
    this._changed(zone);
  }
}
