// @uploadcare/file-uploader as its README sets it up from npm: every component defined,
// with the stylesheet of the regular uploader.
import '@uploadcare/file-uploader/web/uc-file-uploader-regular.min.css';
import * as UC from '@uploadcare/file-uploader';

UC.defineComponents(UC);
export { UC };
