import { resourceModule } from '../resource';
import { mediaUploadDescription, upload } from './upload';

export const media = resourceModule('media', [upload], { default: 'upload', fields: mediaUploadDescription });
