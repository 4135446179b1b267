'use strict';
// Tokens of a text as OpenAI's current models count them (o200k_base, the encoding of GPT-4o and
// later), with js-tiktoken's bundled ranks: no download, works offline.
const { Tiktoken } = require('js-tiktoken/lite');
const o200kBase = require('js-tiktoken/ranks/o200k_base');

let encoder;

function tokenCount(text) {
	encoder ??= new Tiktoken(o200kBase.default ?? o200kBase);
	return encoder.encode(text).length;
}

module.exports = { tokenCount };
