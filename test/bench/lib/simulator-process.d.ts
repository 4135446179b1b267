export interface SimulatorSample {
	/** The simulator process's CPU time so far (user + system, µs). */
	cpuMicros: number;
	/** API requests in its log so far. */
	requests: number;
	/** TCP connections the API server accepted so far. */
	connections: number;
}

export interface SimulatorProcess {
	url: string;
	token: string;
	locationId: string;
	userId: string;
	/** The simulator folder the child runs. */
	simulatorDir: string;
	pid: number;
	seedWindow(count: number, spreadDays: number): Promise<{ posts: number }>;
	changeStatuses(count: number): Promise<{ changed: number }>;
	sample(): Promise<SimulatorSample>;
	stop(): Promise<void>;
}

/** Starts the simulator (this checkout's, or the one in `simulatorDir`) in a child process. */
export function startSimulatorProcess(simulatorDir?: string): Promise<SimulatorProcess>;
