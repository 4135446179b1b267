'use strict';
// How the OAuth start pages (`GET …/oauth/{platform}/start`) are opened. The v2 and v3 specs declare
// them bearer-secured like every endpoint; the API's own description says to "open this API in a
// browser window", which sends no Authorization header. Both are modelled; neither is verified
// against the live API.
//   'bearer' (default): the token, Version header and oauth.readonly scope are checked.
//   'browser': a request without a token is let through (a browser opening the connect link).

const OAUTH_START_MODES = ['bearer', 'browser'];

function oauthStartMode(mode = 'bearer') {
	if (!OAUTH_START_MODES.includes(mode)) throw new Error(`oauthStart must be 'bearer' or 'browser', not ${JSON.stringify(mode)}`);
	return mode;
}

module.exports = { oauthStartMode, OAUTH_START_MODES };
