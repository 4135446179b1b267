/** This process's CPU time so far (user + system, µs). */
export function cpuMicros(): number;
/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(value: unknown): number;
/** An integer setting from the environment (HOOPAI_BENCH_…), or the fallback. */
export function intSetting(name: string, fallback: number): number;
/** A text setting from the environment, undefined when unset or empty. */
export function textSetting(name: string): string | undefined;

export interface ProfileShare {
	name: string;
	ms: number;
	share: number;
}

/** Runs `run` under the V8 CPU profiler: self time by origin (package) and the top functions. */
export function profileRun(
	run: () => Promise<unknown>,
	top?: number,
): Promise<{ totalMs: number; byOrigin: ProfileShare[]; topFunctions: ProfileShare[] }>;
