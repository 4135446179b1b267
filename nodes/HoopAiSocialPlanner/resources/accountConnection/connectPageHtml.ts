import { createHash } from 'crypto';
import { ONE_ID } from './connectPage';

// The connect page's HTML: one button per network, a script that opens the network's connect link
// in a popup, takes HighLevel's answer from that popup only, posts it to the callback and shows what
// the callback answers. Everything shown is set as text (never as HTML); the page's own Content
// Security Policy lets only its own script and style run and only the callback be posted to.

export interface PageNetwork {
	platform: string;
	name: string;
	url: string;
}

export interface ConnectPageContent {
	title: string;
	intro: string;
	agencyName: string;
	logoUrl: string;
	networks: PageNetwork[];
	callbackUrl: string;
	nonce: string;
	/** The origins the connect window may answer from. */
	origins: string[];
	expiresAt: Date;
}

/** Each network's colour and mark on its button. */
const MARKS: Record<string, [string, string]> = {
	facebook: ['#1877f2', 'f'],
	instagram: ['#d62976', 'IG'],
	google: ['#4285f4', 'G'],
	linkedin: ['#0a66c2', 'in'],
	tiktok: ['#111111', 'TT'],
	youtube: ['#ff0000', '▶'],
	pinterest: ['#e60023', 'P'],
	threads: ['#111111', '@'],
};

const STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d2433; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: #eef1f6; display: flex; justify-content: center; align-items: flex-start; padding: 48px 16px; }
main { background: #fff; width: 100%; max-width: 580px; border-radius: 16px; box-shadow: 0 12px 32px rgba(20, 30, 60, 0.09); padding: 32px; }
.brand { display: flex; align-items: center; gap: 12px; margin: 0 0 20px; color: #4a5568; font-weight: 600; }
.brand img { max-height: 44px; max-width: 180px; }
h1 { font-size: 24px; line-height: 1.25; margin: 0 0 8px; }
.intro { margin: 0 0 24px; color: #4a5568; line-height: 1.5; }
.networks { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.networks button { width: 100%; display: flex; align-items: center; gap: 12px; padding: 12px 14px; border: 1px solid #d6dce7; border-radius: 12px; background: #fff; font: inherit; font-size: 15px; color: inherit; cursor: pointer; text-align: left; }
.networks button:hover { border-color: #8b9bb8; background: #f8fafc; }
.mark { flex: none; width: 32px; height: 32px; border-radius: 8px; display: grid; place-items: center; color: #fff; font-weight: 700; font-size: 13px; }
.name { flex: 1; }
.state { font-size: 13px; color: #718096; }
.networks button.waiting { border-color: #4c7bd9; }
.networks button.done { border-color: #38a169; background: #f3fcf6; }
.networks button.done .state { color: #2f855a; font-weight: 600; }
.networks button.failed { border-color: #e53e3e; }
.networks button.failed .state { color: #c53030; }
.status { margin: 24px 0 0; padding: 14px 16px; border-radius: 12px; line-height: 1.5; }
.status:empty { display: none; }
.status p { margin: 0; }
.status ul { margin: 8px 0 0; padding-left: 20px; }
.status.waiting { background: #edf3ff; color: #24407a; }
.status.success { background: #effaf3; color: #22543d; }
.status.error { background: #fff2f2; color: #822727; }
.note { margin: 24px 0 0; font-size: 13px; line-height: 1.5; color: #718096; }
@media (max-width: 480px) { .networks { grid-template-columns: 1fr; } }
${Object.entries(MARKS)
	.map(([platform, [colour]]) => `.n-${platform} .mark { background: ${colour}; }`)
	.join('\n')}
`;

// The page's behaviour. It only trusts a message that comes from the popup it opened, has
// HighLevel's shape and names one login ID; it posts that and its nonce, nothing else.
const SCRIPT = `
(() => {
	'use strict';
	const config = JSON.parse(document.getElementById('connect-config').textContent);
	const oneId = new RegExp(config.idPattern);
	const status = document.getElementById('status');
	const networks = new Map(config.networks.map((network) => [network.platform, network]));
	const buttons = [...document.querySelectorAll('button[data-platform]')];
	const tellAgency = config.agency ? ' Please tell ' + config.agency + '.' : '';
	let pending = null;

	const show = (kind, text, lines = []) => {
		status.className = 'status ' + kind;
		status.replaceChildren();
		const paragraph = document.createElement('p');
		paragraph.textContent = text;
		status.append(paragraph);
		if (!lines.length) return;
		const list = document.createElement('ul');
		for (const line of lines) {
			const item = document.createElement('li');
			item.textContent = line;
			list.append(item);
		}
		status.append(list);
	};
	const mark = (platform, state, text) => {
		const button = buttons.find((candidate) => candidate.dataset.platform === platform);
		if (!button) return;
		button.classList.remove('waiting', 'done', 'failed');
		if (state) button.classList.add(state);
		button.querySelector('.state').textContent = text;
	};
	const described = (account) => {
		const network = networks.get(account.platform);
		// Attach Accounts' Simplify names the network; without it the item has the API's platform.
		return account.name + ' (' + (network ? network.name : String(account.network ?? account.platform)) + (account.type ? ' ' + account.type : '') + ')';
	};

	const attach = async (network, message) => {
		mark(network.platform, 'waiting', 'Adding…');
		show('waiting', 'Adding your ' + network.name + ' accounts…');
		const reconnectAccounts = Array.isArray(message.reconnectAccounts) ? message.reconnectAccounts.filter((id) => typeof id === 'string' && oneId.test(id)) : [];
		let response;
		let text;
		try {
			response = await fetch(config.callbackUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ platform: network.platform, accountId: message.accountId, reconnectAccounts, nonce: config.nonce }),
			});
			text = await response.text();
		} catch (error) {
			mark(network.platform, 'failed', 'Not added');
			show('error', 'This page could not reach the server that adds your accounts. Check your connection and click ' + network.name + ' again.' + tellAgency);
			return;
		}
		let answer;
		try {
			answer = text ? JSON.parse(text) : [];
		} catch (error) {
			answer = undefined;
		}
		const items = (Array.isArray(answer) ? answer : answer && typeof answer === 'object' ? [answer] : []).filter((item) => item && typeof item === 'object');
		const errors = items.filter((item) => typeof item.error === 'string').map((item) => item.error);
		const attached = items.filter((item) => typeof item.name === 'string' && item.error === undefined);
		if (!response.ok || answer === undefined) {
			const said = answer && typeof answer.message === 'string' ? ': ' + answer.message : '';
			mark(network.platform, 'failed', 'Not added');
			show('error', network.name + ' could not be added (the server answered ' + response.status + said + ').' + tellAgency);
		} else if (errors.length) {
			mark(network.platform, 'failed', 'Not added');
			show('error', network.name + ' could not be added:', errors);
		} else if (attached.length) {
			mark(network.platform, 'done', 'Connected ✓');
			show('success', 'Attached: ' + attached.map(described).join(', '));
		} else {
			mark(network.platform, 'done', 'Connected ✓');
			show('success', 'Nothing new to attach: the ' + network.name + ' accounts of this login are connected already.');
		}
	};

	for (const button of buttons) {
		button.addEventListener('click', () => {
			const network = networks.get(button.dataset.platform);
			const opened = window.open(network.url, 'hoopai-connect', 'popup,width=640,height=760');
			if (!opened) {
				show('error', 'Your browser blocked the login window. Allow pop-ups for this page, then click ' + network.name + ' again.');
				return;
			}
			if (pending && pending.network.platform !== network.platform) mark(pending.network.platform, '', '');
			pending = { window: opened, network, heard: false };
			mark(network.platform, 'waiting', 'Waiting…');
			show('waiting', 'Log in to ' + network.name + ' in the window that opened and allow access. This page adds your accounts when the window closes.');
		});
	}

	window.addEventListener('message', (event) => {
		if (!pending || event.source !== pending.window) return;
		const message = event.data;
		if (!message || typeof message !== 'object' || message.page !== 'social_media_posting' || message.actionType !== 'close') return;
		const current = pending;
		current.heard = true;
		if (!config.origins.includes(event.origin)) {
			mark(current.network.platform, 'failed', 'Not added');
			show('error', 'The login window answered from ' + event.origin + ', which this page does not take answers from.' + tellAgency);
			return;
		}
		const network = networks.get(message.platform);
		if (!network || typeof message.accountId !== 'string' || !oneId.test(message.accountId)) {
			mark(current.network.platform, 'failed', 'Not added');
			show('error', 'The login window answered with something this page cannot use, so nothing was added. Click ' + current.network.name + ' to try again.' + tellAgency);
			return;
		}
		pending = null;
		attach(network, message);
	});

	// A window closed before it posted HighLevel's message: the person closed it, or the login failed.
	setInterval(() => {
		const current = pending;
		if (!current || !current.window.closed || current.closedSeen) return;
		current.closedSeen = true;
		setTimeout(() => {
			if (current.heard || pending !== current) return;
			pending = null;
			mark(current.network.platform, '', '');
			show('error', 'The ' + current.network.name + ' window was closed before the login finished. Click ' + current.network.name + ' to try again.');
		}, 1500);
	}, 500);
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const SCRIPT_HASH = sha256(SCRIPT);
const STYLE_HASH = sha256(STYLE);

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that cannot end the script element it sits in (`</script>`, `<!--`) nor break a line in old parsers. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

function contentSecurityPolicy(content: ConnectPageContent): string {
	const logo = content.logoUrl ? new URL(content.logoUrl).origin : "'none'";
	return [
		"default-src 'none'",
		`script-src ${SCRIPT_HASH}`,
		`style-src ${STYLE_HASH}`,
		`img-src ${logo}`,
		`connect-src ${new URL(content.callbackUrl).origin}`,
		"base-uri 'none'",
		"form-action 'none'",
	].join('; ');
}

function networkButton(network: PageNetwork): string {
	const [, mark] = MARKS[network.platform] ?? ['', network.name.slice(0, 1)];
	return `<li class="n-${escapeHtml(network.platform)}"><button type="button" data-platform="${escapeHtml(network.platform)}"><span class="mark" aria-hidden="true">${escapeHtml(mark)}</span><span class="name">${escapeHtml(network.name)}</span><span class="state"></span></button></li>`;
}

/** The whole page, ready to be served as `text/html; charset=utf-8`. */
export function connectPageHtml(content: ConnectPageContent): string {
	const config = {
		callbackUrl: content.callbackUrl,
		nonce: content.nonce,
		idPattern: ONE_ID.source,
		origins: content.origins,
		agency: content.agencyName,
		networks: content.networks,
	};
	const logo = content.logoUrl ? `<img src="${escapeHtml(content.logoUrl)}" alt="">` : '';
	const brand = logo || content.agencyName ? `<div class="brand">${logo}<span>${escapeHtml(content.agencyName)}</span></div>` : '';
	const until = `${content.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(content))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(content.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${brand}
<h1>${escapeHtml(content.title)}</h1>
<p class="intro">${escapeHtml(content.intro)}</p>
<ul class="networks">
${content.networks.map(networkButton).join('\n')}
</ul>
<div id="status" class="status" role="status" aria-live="polite"></div>
<p class="note">You log in on each network’s own page: this page never sees your password. It works until ${escapeHtml(until)}; after that, open the link you were sent again.</p>
</main>
<script type="application/json" id="connect-config">${scriptJson(config)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
