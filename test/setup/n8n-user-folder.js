// Importing n8n-core writes <N8N_USER_FOLDER>/.n8n/config (an encryption key). Give every jest
// worker its own throw-away folder so tests never touch the developer's ~/.n8n.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const folder = path.join(os.tmpdir(), `hoopai-n8n-test-${process.pid}`);
fs.mkdirSync(folder, { recursive: true });
process.env.N8N_USER_FOLDER = folder;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
