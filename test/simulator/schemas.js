'use strict';
// JSON-schema builders for fastify's validator. Objects reject unknown properties, as the API's
// whitelist validation does ("property X should not exist").

const str = (extra) => ({ type: 'string', ...extra });
const num = (extra) => ({ type: 'number', ...extra });
const bool = () => ({ type: 'boolean' });
const arr = (items, extra) => ({ type: 'array', items, ...extra });
const oneOfStr = (values) => ({ type: 'string', enum: values });
const obj = (properties, required, extra) => ({
	type: 'object',
	properties,
	required: required || [],
	additionalProperties: false,
	...extra,
});
/** Free-form object (the spec types it as a bare object). */
const anyObj = () => ({ type: 'object' });

const MEDIA_TYPES = ['image/jpeg', 'image/jpg', 'image/png', 'image/gif', 'video/mp4', 'video/mov', 'video/webm'];
const POST_STATUSES = ['draft', 'scheduled', 'in_review', 'published', 'in_progress', 'pending', 'failed', 'notification_sent', 'deleted'];
const POST_TYPES = ['post', 'story', 'reel'];
const LIST_TYPES = ['recent', 'all', 'scheduled', 'draft', 'failed', 'in_review', 'published', 'in_progress', 'pending', 'deleted'];

const media = obj(
	{
		url: str(),
		caption: str(),
		originalUrl: str(),
		watermarkedUrl: str(),
		type: oneOfStr(MEDIA_TYPES),
		thumbnail: str(),
		id: str(),
		optimizedUrl: str(),
		optimizedType: str(),
		isModified: bool(),
		altText: str(),
	},
	['url', 'type'],
);
const dateParts = obj({ year: num(), month: num(), day: num() }, ['year', 'month', 'day']);
const timeParts = obj({ hours: num(), minutes: num(), seconds: num() }, ['hours', 'minutes', 'seconds']);

const platformDetails = {
	tiktokPostDetails: obj(
		{
			privacyLevel: oneOfStr(['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']),
			promoteOtherBrand: bool(),
			enableComment: bool(),
			enableDuet: bool(),
			enableStitch: bool(),
			videoDisclosure: bool(),
			promoteYourBrand: bool(),
		},
		['privacyLevel'],
	),
	gmbPostDetails: obj(
		{
			gmbEventType: oneOfStr(['STANDARD', 'EVENT', 'OFFER']),
			title: str(),
			offerTitle: str(),
			startDate: obj({ startDate: dateParts, startTime: timeParts }),
			endDate: obj({ endDate: dateParts, endTime: timeParts }),
			termsConditions: str(),
			url: str(),
			couponCode: str(),
			redeemOnlineUrl: str(),
			actionType: oneOfStr(['none', 'order', 'book', 'shop', 'learn_more', 'call', 'sign_up']),
		},
		['gmbEventType'],
	),
	linkedinPostDetails: obj(
		{
			pdfTitle: str(),
			postAsPdf: bool(),
			poll: obj(
				{
					question: str({ maxLength: 140 }),
					options: arr(obj({ text: str({ maxLength: 30 }) }, ['text']), { minItems: 2, maxItems: 4 }),
					settings: obj({ duration: oneOfStr(['ONE_DAY', 'THREE_DAYS', 'SEVEN_DAYS', 'FOURTEEN_DAYS']) }, ['duration']),
				},
				['question', 'options', 'settings'],
			),
		},
		['pdfTitle', 'postAsPdf'],
	),
	pinterestPostDetails: obj({
		title: str({ maxLength: 100 }),
		link: str({ maxLength: 2048 }),
		boardIds: { type: 'object', additionalProperties: str() },
		pinterestBoards: arr(obj({ accountId: str(), boards: arr(str(), { maxItems: 25 }) }, ['accountId', 'boards'])),
		shortenedLinks: arr(str()),
	}),
	facebookPostDetails: obj({ type: oneOfStr(POST_TYPES), textFormatPresetId: str() }, ['type']),
	instagramPostDetails: obj(
		{
			type: oneOfStr(POST_TYPES),
			collaborators: anyObj(),
			showOnFeed: bool(),
			publishViaPushNotification: bool(),
			publisherNote: str(),
		},
		['type'],
	),
	youtubePostDetails: obj(
		{ title: str({ maxLength: 100 }), privacyLevel: oneOfStr(['private', 'public', 'unlisted']), type: oneOfStr(['video', 'short']) },
		['type'],
	),
};

const postFields = {
	accountIds: arr(str()),
	summary: str(),
	media: arr(media),
	status: oneOfStr(POST_STATUSES),
	scheduleDate: str(),
	selectedBestTime: str(),
	createdBy: str(),
	followUpComment: str(),
	ogTagsDetails: obj({ metaImage: str(), metaLink: str(), ogTitle: str(), ogDescription: str() }),
	type: oneOfStr(POST_TYPES),
	postApprovalDetails: obj({
		approver: str(),
		requesterNote: str(),
		approverNote: str(),
		approvalStatus: oneOfStr(['pending', 'approved', 'rejected', 'not_required']),
	}),
	scheduleTimeUpdated: bool(),
	tags: arr(str()),
	categoryId: str(),
	applyWatermark: bool(),
	userId: str(),
	...platformDetails,
};

/** CreatePostDTO (v3): create and edit both require type, accountIds and userId. */
const createPostBody = obj(postFields, ['accountIds', 'type', 'userId']);
/** QueueModifiedPostDTO: the same fields, all optional, plus locationId. */
const queueModifiedPost = obj({ ...postFields, locationId: str() });

const locationParams = obj({ locationId: str() }, ['locationId']);

module.exports = {
	str,
	num,
	bool,
	arr,
	obj,
	anyObj,
	oneOfStr,
	MEDIA_TYPES,
	POST_STATUSES,
	POST_TYPES,
	LIST_TYPES,
	createPostBody,
	queueModifiedPost,
	locationParams,
};
