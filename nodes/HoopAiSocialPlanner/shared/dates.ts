// Date handling without runtime dependencies: the Intl API knows every IANA time zone.

const EXPLICIT_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

export function isValidTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC ISO string (with `Z`) of a date-time. A value with its own offset or `Z` keeps it;
 * a local value ("2026-12-01T09:30" or "2026-12-01 09:30:00") is read in `zone`.
 * Returns undefined for anything that is not a date-time.
 */
export function toUtcIso(value: string, zone: string): string | undefined {
	const text = value.trim();
	if (EXPLICIT_ZONE.test(text)) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
	}
	const match = LOCAL_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0'] = match;
	const wallClock = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, +millis.padEnd(3, '0'));
	if (Number.isNaN(wallClock) || new Date(wallClock).getUTCDate() !== +day) return undefined;
	// Two passes settle the offset across a daylight-saving change.
	let utc = wallClock - zoneOffsetMs(wallClock, zone);
	utc = wallClock - zoneOffsetMs(utc, zone);
	return new Date(utc).toISOString();
}

/** The calendar parts of a local date-time, as Google Business event and offer dates want them. */
export function localDateParts(value: string): { year: number; month: number; day: number; hours: number; minutes: number; seconds: number } | undefined {
	const match = LOCAL_DATE_TIME.exec(value.trim().replace(EXPLICIT_ZONE, '').replace(/\.\d+$/, ''));
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
	return { year: +year, month: +month, day: +day, hours: +hour, minutes: +minute, seconds: +second };
}
