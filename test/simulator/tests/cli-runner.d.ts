export interface RunningCli {
	output: string;
	url: string;
	token: string;
	locationId: string;
	userId: string;
	stop(): Promise<number | null>;
}
export function runCli(): Promise<RunningCli>;
