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
 * An instant as `zone`'s wall clock with its offset, e.g. 2026-12-01T09:30:00-05:00 (milliseconds
 * only when not zero, "Z" when the offset is zero): one value a person reads and any ISO parser
 * takes as the same instant. Null if no date.
 */
export function localIso(utcIso: unknown, zone: string): string | null {
	const ms = typeof utcIso === 'string' ? Date.parse(utcIso) : NaN;
	if (Number.isNaN(ms)) return null;
	const offset = Math.round(zoneOffsetMs(ms, zone) / 60000);
	const pad = (value: number) => String(value).padStart(2, '0');
	const sign = offset < 0 ? '-' : '+';
	const wall = new Date(ms + offset * 60000)
		.toISOString()
		.slice(0, 23)
		.replace(/\.000$/, '');
	return `${wall}${offset === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`}`;
}

/**
 * Whether the calendar day and clock time of a date-time exist: Date.parse takes 2026-02-30 for
 * March 2 and 24:00 for the next day. Other formats than ISO are left to Date.parse.
 */
export function isRealDateTime(value: string): boolean {
	const match = LOCAL_DATE_TIME.exec(value.trim().replace(EXPLICIT_ZONE, ''));
	if (!match) return true;
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
	const date = new Date(Date.UTC(+year, +month - 1, +day));
	return date.getUTCMonth() === +month - 1 && date.getUTCDate() === +day && +hour < 24 && +minute < 60 && +second < 60;
}

/** The instant of a date-time in milliseconds (as Date.parse), NaN when it is none or its day does not exist. */
export function parseInstant(value: string): number {
	return isRealDateTime(value) ? Date.parse(value) : NaN;
}

/**
 * The UTC ISO string (with `Z`) of a date-time. A value with its own offset or `Z` keeps it;
 * a local value ("2026-12-01T09:30" or "2026-12-01 09:30:00") is read in `zone`.
 * Returns undefined for anything that is not a date-time.
 */
export function toUtcIso(value: string, zone: string): string | undefined {
	const text = value.trim();
	if (!isRealDateTime(text)) return undefined;
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

/** An instant as "YYYY-MM-DD" and "HH:MM" (":SS" only when not zero) on the wall clock of `zone`. */
export function wallClock(utcMs: number, zone: string): { date: string; time: string } {
	const local = new Date(Math.floor(utcMs / 1000) * 1000 + zoneOffsetMs(utcMs, zone)).toISOString();
	const seconds = local.slice(17, 19);
	return { date: local.slice(0, 10), time: local.slice(11, 16) + (seconds === '00' ? '' : `:${seconds}`) };
}

/** An instant in UTC, as messages show it: "2026-03-01 14:30 UTC". */
export function describeUtc(value: string): string {
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) return value;
	const { date, time } = wallClock(ms, 'UTC');
	return `${date} ${time} UTC`;
}

/**
 * A date-time as the user gave it, for messages: the wall-clock time they typed, where it is
 * read, and the UTC time the API receives, e.g. "2026-03-01 09:30 in America/New_York (14:30
 * UTC)", "2026-03-01 09:30 at UTC+05:30 (04:00 UTC)" or "2026-03-01 09:30 UTC".
 * `zone` reads a value without its own offset; undefined when the value is not a date-time.
 */
export function describeDateTime(value: string, zone: string): string | undefined {
	const text = value.trim();
	const utc = toUtcIso(text, zone);
	if (!utc) return undefined;
	const inUtc = wallClock(Date.parse(utc), 'UTC');
	const explicit = EXPLICIT_ZONE.exec(text)?.[1];
	const typed = LOCAL_DATE_TIME.exec(text.replace(EXPLICIT_ZONE, ''));
	// A typed value with its own offset keeps it; a local one is read in the zone.
	const local = typed && explicit ? wallClockOf(typed) : wallClock(Date.parse(utc), zone);
	// Given in UTC, or read in it: said once, not "in UTC (… UTC)".
	if (explicit ? /^(Z|[+-]00:?00)$/i.test(explicit) : zone === 'UTC') return `${local.date} ${local.time} UTC`;
	const where = explicit ? `at UTC${explicit.length === 5 ? `${explicit.slice(0, 3)}:${explicit.slice(3)}` : explicit}` : `in ${zone}`;
	const utcText = inUtc.date === local.date ? inUtc.time : `${inUtc.date} ${inUtc.time}`;
	return `${local.date} ${local.time} ${where} (${utcText} UTC)`;
}

function wallClockOf(match: RegExpExecArray): { date: string; time: string } {
	const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
	return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}${second === '00' ? '' : `:${second}`}` };
}

/** The calendar parts of a local date-time, as Google Business event and offer dates want them. */
export function localDateParts(
	value: string,
): { year: number; month: number; day: number; hours: number; minutes: number; seconds: number } | undefined {
	const match = LOCAL_DATE_TIME.exec(
		value
			.trim()
			.replace(EXPLICIT_ZONE, '')
			.replace(/\.\d+$/, ''),
	);
	if (!match || !isRealDateTime(match[0])) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
	return { year: +year, month: +month, day: +day, hours: +hour, minutes: +minute, seconds: +second };
}

// Names the ICU data of Node.js still lists under their former spelling; both work everywhere.
const CURRENT_NAMES: Record<string, string> = {
	'Africa/Asmera': 'Africa/Asmara',
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Godthab': 'America/Nuuk',
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Rangoon': 'Asia/Yangon',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Europe/Kiev': 'Europe/Kyiv',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'Pacific/Ponape': 'Pacific/Pohnpei',
	'Pacific/Truk': 'Pacific/Chuuk',
};

/** Every time zone this Node.js knows, by its current name, UTC first, then alphabetically. */
export function timeZoneNames(): string[] {
	const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	const names = listed.map((zone) => (CURRENT_NAMES[zone] && isValidTimeZone(CURRENT_NAMES[zone]) ? CURRENT_NAMES[zone] : zone));
	return ['UTC', ...[...new Set(names)].filter((zone) => zone !== 'UTC').sort()];
}

/** A zone's difference from UTC at an instant, as clocks show it: "UTC+05:30", "UTC-04:00", "UTC". */
export function utcOffsetText(utcMs: number, zone: string): string {
	const minutes = Math.round(zoneOffsetMs(utcMs, zone) / 60000);
	if (minutes === 0) return 'UTC';
	const sign = minutes < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
	return `UTC${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}
