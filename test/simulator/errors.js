'use strict';
// HighLevel (NestJS) error shapes. Every error thrown by a route is an ApiError; the app's error
// handler turns it into the JSON body the real API sends.

class ApiError extends Error {
	constructor(statusCode, message, extra) {
		super(Array.isArray(message) ? message.join(', ') : String(message));
		this.statusCode = statusCode;
		this.body = { statusCode, message, ...(extra || {}) };
	}
}

const badRequest = (message, extra) => new ApiError(400, message, { error: 'Bad Request', ...extra });
const unauthorized = () => new ApiError(401, 'Invalid token: access token is invalid', { error: 'Unauthorized' });
const forbidden = (message) => new ApiError(403, message, { error: 'Forbidden' });
const notFound = (message) => new ApiError(404, message, { error: 'Not Found' });
/** 422 carries an array of class-validator style messages. */
const unprocessable = (messages) =>
	new ApiError(422, Array.isArray(messages) ? messages : [messages], {
		error: 'Unprocessable Entity',
	});
const tooManyRequests = (message) =>
	new ApiError(429, message || 'Too many requests, please try again later.', {
		error: 'Too Many Requests',
	});
const internalError = (statusCode) =>
	new ApiError(statusCode || 500, statusCode === 503 ? 'Service Unavailable' : 'Internal server error', {
		error: statusCode === 503 ? 'Service Unavailable' : 'Internal Server Error',
	});

/**
 * A misbehaving gateway's error (fault `echo`): HighLevel's error shape whose `message` and extra
 * fields echo the raw request, its Authorization header unredacted. A 422 carries the lines as an
 * array, like a validation error; any other status as one string.
 */
function echoError(request, statusCode) {
	const status = statusCode || 400;
	const lines = [
		`${request.method} ${request.url}`,
		...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
		`body: ${JSON.stringify(request.body ?? null)}`,
	];
	return new ApiError(status, status === 422 ? lines : lines.join('\n'), {
		error: status >= 500 ? 'Internal Server Error' : 'Bad Request',
		request: { method: request.method, url: request.url, headers: { ...request.headers }, body: request.body ?? null },
	});
}

/** The NestJS BadRequestException body as the CSV DTOs document it. */
function nestBadRequest(message) {
	return new ApiError(400, message, {
		status: 400,
		options: {},
		name: 'BadRequestException',
		error: 'Bad Request',
	});
}

const TYPE_WORDS = {
	string: 'must be a string',
	number: 'must be a number conforming to the specified constraints',
	integer: 'must be an integer number',
	boolean: 'must be a boolean value',
	array: 'must be an array',
	object: 'must be an object',
};

/** Turns ajv errors into class-validator messages ("property x should not exist", …). */
function validationMessages(errors, context) {
	const messages = [];
	for (const err of errors || []) {
		const base = (err.instancePath || '').replace(/^\//, '').split('/').filter(Boolean).join('.');
		const at = (name) => (base ? `${base}.${name}` : name);
		const field = base || context || 'value';
		switch (err.keyword) {
			case 'additionalProperties':
				messages.push(`property ${at(err.params.additionalProperty)} should not exist`);
				break;
			case 'required':
				messages.push(`${at(err.params.missingProperty)} should not be null or undefined`);
				break;
			case 'enum':
				messages.push(`${field} must be one of the following values: ${err.params.allowedValues.join(', ')}`);
				break;
			case 'type':
				messages.push(`${field} ${TYPE_WORDS[String(err.params.type).split(',')[0]] || 'has a wrong type'}`);
				break;
			case 'maxItems':
				messages.push(`${field} must contain no more than ${err.params.limit} elements`);
				break;
			case 'minItems':
				messages.push(`${field} must contain at least ${err.params.limit} elements`);
				break;
			case 'maxLength':
				messages.push(`${field} must be shorter than or equal to ${err.params.limit} characters`);
				break;
			case 'minLength':
				messages.push(`${field} should not be empty`);
				break;
			case 'minimum':
				messages.push(`${field} must not be less than ${err.params.limit}`);
				break;
			case 'maximum':
				messages.push(`${field} must not be greater than ${err.params.limit}`);
				break;
			case 'format':
				messages.push(`${field} must be a valid ISO 8601 date string`);
				break;
			case 'pattern':
				messages.push(`${field} must match ${err.params.pattern} regular expression`);
				break;
			case 'oneOf':
			case 'anyOf':
				break; // the branch errors already explain it
			default:
				messages.push(`${field} ${err.message}`);
		}
	}
	return [...new Set(messages)];
}

module.exports = {
	ApiError,
	badRequest,
	unauthorized,
	forbidden,
	notFound,
	unprocessable,
	tooManyRequests,
	internalError,
	nestBadRequest,
	echoError,
	validationMessages,
};
