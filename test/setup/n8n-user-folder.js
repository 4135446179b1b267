// Importing n8n-core writes <N8N_USER_FOLDER>/.n8n/config (an encryption key). Point it at a
// throw-away folder per jest worker so tests never touch the developer's ~/.n8n; the folder is
// reused by later runs instead of piling up in the temp directory.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const folder = path.join(os.tmpdir(), 'hoopai-n8n-test', `worker-${process.env.JEST_WORKER_ID ?? '1'}`);
fs.mkdirSync(folder, { recursive: true });
process.env.N8N_USER_FOLDER = folder;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
