// Shared test helpers: an axios client bound to a simulator with HighLevel's headers.
import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import type { Simulator } from '../index';

export const VERSION = '2021-07-28';

export interface ClientOptions {
	token?: string | null;
	version?: string | null;
}

/** An axios instance that never throws on HTTP status (tests assert the status). */
export function apiClient(sim: Simulator, options: ClientOptions = {}): AxiosInstance {
	const headers: Record<string, string> = {};
	const token = options.token === undefined ? sim.token : options.token;
	const version = options.version === undefined ? VERSION : options.version;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	if (version !== null) headers.Version = version;
	return axios.create({ baseURL: sim.url, headers, validateStatus: () => true });
}

/** A client for the /__sim/ control surface. */
export function controlClient(sim: Simulator): AxiosInstance {
	return axios.create({ baseURL: `${sim.url}/__sim`, validateStatus: () => true });
}

export type Res = AxiosResponse;
export type Req = AxiosRequestConfig;

/** Builds a multipart body with one file field (FormData and Blob are Node 20 globals). */
export function fileForm(field: string, content: string, filename: string, type = 'text/csv'): FormData {
	const form = new FormData();
	form.append(field, new Blob([content], { type }), filename);
	return form;
}
