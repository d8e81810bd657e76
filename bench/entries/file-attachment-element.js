// @github/file-attachment-element: registers <file-attachment>; it ships no CSS.
export * from '@github/file-attachment-element';
