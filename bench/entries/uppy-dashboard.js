// @uppy/core + @uppy/xhr-upload + @uppy/dashboard, with the core and dashboard stylesheets.
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
export { default as Uppy } from '@uppy/core';
export { default as XHRUpload } from '@uppy/xhr-upload';
export { default as Dashboard } from '@uppy/dashboard';
