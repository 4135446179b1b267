'use strict';
// PostgreSQL and Redis for the queue-mode tier, from Debian's packages: installed with apt-get when
// missing, started on loopback ports with their data in a temporary folder, stopped afterwards.
// No system service is started or touched.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { exec, freePort, log, seconds, tail } = require('./n8n');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The bin folder of the newest PostgreSQL server Debian installed, or undefined. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function redisBin() {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => fs.existsSync(file));
}

/**
 * Servers still running when this process ends (an uncaught error, Ctrl-C) are stopped at exit,
 * synchronously: nothing is left running.
 */
const atExit = new Set();
let exitHooked = false;
function stopAtExit(stopNow) {
	if (!exitHooked) {
		exitHooked = true;
		process.on('exit', () => {
			for (const stop of atExit) stop();
		});
		for (const signal of ['SIGINT', 'SIGTERM']) {
			process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
		}
	}
	atExit.add(stopNow);
	return () => atExit.delete(stopNow);
}

/** apt-get install, with one `apt-get update` first if the package lists are stale or missing. */
async function aptInstall(packages) {
	if (!isRoot) throw new Error(`${packages.join(', ')} missing; install them (apt-get install ${packages.join(' ')}) or run as root`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const args = ['install', '-y', '--no-install-recommends', ...packages];
	const t0 = Date.now();
	// Debian starts a package's system service on install where an init system runs; policy-rc.d
	// answering 101 ("action forbidden") stops that: the tier starts its own servers.
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	let r;
	try {
		r = await exec('apt-get', args, { env, timeoutMs: 600000 });
		if (r.code !== 0) {
			log(`apt-get install ${packages.join(' ')} failed; apt-get update, then again`);
			await exec('apt-get', ['update'], { env, timeoutMs: 600000 });
			r = await exec('apt-get', args, { env, timeoutMs: 600000 });
		}
	} finally {
		if (ownPolicy) fs.rmSync(policy, { force: true });
	}
	if (r.code !== 0) throw new Error(`apt-get install ${packages.join(' ')} exited ${r.code}\n${tail(r.stdout)}\n${tail(r.stderr)}`);
	log(`apt-get install ${packages.join(' ')}: ${seconds(Date.now() - t0)}`);
}

/** Makes sure the server binaries exist; returns what was installed (for the report). */
async function ensureServerPackages() {
	const installed = [];
	if (!postgresBin()) {
		await aptInstall(['postgresql']);
		installed.push('postgresql');
	}
	if (!redisBin()) {
		await aptInstall(['redis-server']);
		installed.push('redis-server');
	}
	if (!postgresBin()) throw new Error('apt-get installed postgresql, but no /usr/lib/postgresql/*/bin/initdb');
	if (!redisBin()) throw new Error('apt-get installed redis-server, but no redis-server binary');
	return installed;
}

/**
 * Runs a PostgreSQL tool. initdb and pg_ctl refuse to run as root, so as root they run as Debian's
 * `postgres` user on a folder it owns.
 */
function pgCommand(bin, tool, args) {
	const file = path.join(bin, tool);
	return isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

async function pg(bin, tool, args, options = {}) {
	const [cmd, argv] = pgCommand(bin, tool, args);
	const r = await exec(cmd, argv, { timeoutMs: 120000, ...options });
	if (r.code !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${r.code}\n${tail(r.stdout)}\n${tail(r.stderr)}`);
	return r;
}

/**
 * A folder of its own for the server's data. As root it belongs to `postgres`, which must also be
 * able to reach it: a private TMPDIR (0700, root's) is not, so /tmp is used then.
 */
async function postgresFolder() {
	if (!isRoot) return fs.mkdtempSync(path.join(os.tmpdir(), 'hoopai-pg-'));
	const { uid, gid } = await postgresIds();
	for (const parent of [os.tmpdir(), '/tmp']) {
		const dir = fs.mkdtempSync(path.join(parent, 'hoopai-pg-'));
		fs.chownSync(dir, uid, gid);
		if ((await exec('runuser', ['-u', 'postgres', '--', 'test', '-w', dir])).code === 0) return dir;
		fs.rmSync(dir, { recursive: true, force: true });
	}
	throw new Error('no temporary folder the postgres user can write to');
}

/**
 * A PostgreSQL server on 127.0.0.1:<free port>, its data in a temporary folder removed by stop(), a
 * database `n8n` owned by the trust-authenticated user `n8n`. Returns { host, port, user, database, stop() }.
 */
async function startPostgres() {
	const bin = postgresBin();
	const dir = await postgresFolder();
	const data = path.join(dir, 'data');
	const socketDir = dir;
	await pg(bin, 'initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
	const port = await freePort();
	await pg(bin, 'pg_ctl', [
		'-D',
		data,
		'-l',
		path.join(dir, 'postgres.log'),
		'-o',
		`-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'-w',
		'-t',
		'60',
		'start',
	]);
	const forget = stopAtExit(() => {
		const [cmd, argv] = pgCommand(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
		spawnSync(cmd, argv, { stdio: 'ignore' });
		fs.rmSync(dir, { recursive: true, force: true });
	});
	const server = {
		host: '127.0.0.1',
		port,
		user: 'n8n',
		database: 'n8n',
		bin,
		log: path.join(dir, 'postgres.log'),
		async stop() {
			forget();
			await pg(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch((error) => log(`pg_ctl stop: ${error.message}`));
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	try {
		await psql(server, 'postgres', 'CREATE DATABASE n8n');
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}

async function postgresIds() {
	const r = await exec('id', ['-u', 'postgres']);
	const g = await exec('id', ['-g', 'postgres']);
	if (r.code !== 0) throw new Error("Debian's postgres user is missing (the postgresql package creates it)");
	return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Runs one SQL statement with psql; returns the rows as arrays of text (unaligned, tab-separated). */
async function psql(server, database, sql) {
	const psqlBin = fs.existsSync(path.join(server.bin, 'psql')) ? path.join(server.bin, 'psql') : 'psql';
	const r = await exec(
		psqlBin,
		[
			'-h',
			server.host,
			'-p',
			String(server.port),
			'-U',
			server.user,
			'-d',
			database,
			'-X',
			'-A',
			'-t',
			'-F',
			'\t',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		],
		{
			timeoutMs: 60000,
		},
	);
	if (r.code !== 0) throw new Error(`psql: ${sql.slice(0, 200)}\n${tail(r.stderr)}`);
	return r.stdout
		.split('\n')
		.filter((line) => line.length > 0)
		.map((line) => line.split('\t'));
}

/** A Redis server on 127.0.0.1:<free port>, nothing persisted. Returns { host, port, stop() }. */
async function startRedis(dir) {
	const port = await freePort();
	const child = spawn(
		redisBin(),
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	let exited;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const forget = stopAtExit(() => child.kill('SIGKILL'));
	const t0 = Date.now();
	while (!/Ready to accept connections/.test(output)) {
		if (exited) throw new Error(`redis-server exited (${JSON.stringify(exited)})\n${tail(output)}`);
		if (Date.now() - t0 > 30000) {
			child.kill('SIGKILL');
			throw new Error(`redis-server not ready after 30 s\n${tail(output)}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		host: '127.0.0.1',
		port,
		async stop() {
			forget();
			if (exited) return;
			const done = new Promise((resolve) => child.on('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
			await done;
			clearTimeout(timer);
		},
	};
}

module.exports = { ensureServerPackages, startPostgres, startRedis, psql, postgresBin, redisBin };
