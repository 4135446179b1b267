// The compiled classes n8n would load from this package, read from dist/ (npm test builds first).
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { HoopAiApi } from '../../dist/credentials/HoopAiApi.credentials';
import { HoopAiOAuth2Api } from '../../dist/credentials/HoopAiOAuth2Api.credentials';
import { HoopAiSocialPlanner } from '../../dist/nodes/HoopAiSocialPlanner/HoopAiSocialPlanner.node';

export const PACKAGE_NAME = 'n8n-nodes-hoopai-social-planner';

export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	[new HoopAiApi(), new HoopAiOAuth2Api()].map((type) => [type.name, type]),
);

export const nodeTypes: Record<string, INodeType> = Object.fromEntries(
	[new HoopAiSocialPlanner()].map((type) => [`${PACKAGE_NAME}.${type.description.name}`, type]),
);
