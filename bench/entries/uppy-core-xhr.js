// @uppy/core + @uppy/xhr-upload: headless, no UI plugin, so no stylesheet is needed.
export { default as Uppy } from '@uppy/core';
export { default as XHRUpload } from '@uppy/xhr-upload';
