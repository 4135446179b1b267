// Package entry point: the classes n8n loads, compiled into dist/ by `npm run build`.
// n8n itself reads the "n8n" block of package.json; this lets code require the package directly.
const { HoopAiSocialPlanner } = require('./dist/nodes/HoopAiSocialPlanner/HoopAiSocialPlanner.node');
const { HoopAiSocialPlannerTrigger } = require('./dist/nodes/HoopAiSocialPlannerTrigger/HoopAiSocialPlannerTrigger.node');
const { HoopAiApi } = require('./dist/credentials/HoopAiApi.credentials');
const { HoopAiOAuth2Api } = require('./dist/credentials/HoopAiOAuth2Api.credentials');

module.exports = { HoopAiSocialPlanner, HoopAiSocialPlannerTrigger, HoopAiApi, HoopAiOAuth2Api };
