'use strict';
// A second address for a server on loopback: a TCP relay on its own port. The package keeps one
// rate limiter per host and location in a process, so a credential pointed at the relay paces as
// another n8n worker would, while the server sees one location (the same token and window).
const net = require('node:net');

async function secondAddress(url) {
	const target = new URL(url);
	const sockets = new Set();
	const server = net.createServer((client) => {
		const upstream = net.connect(Number(target.port), target.hostname);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
		client.pipe(upstream).pipe(client);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { secondAddress };
