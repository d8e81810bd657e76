import { defaultMessages, type UploadErrorCode } from '../core/errors.js';

/**
 * Every text the element shows; the `strings` property may override any of them.
 * `{name}`-style placeholders are filled in by the element.
 */
export interface CasUploadStrings extends Record<UploadErrorCode, string> {
  /** The heading above the form (the `heading` slot replaces it). */
  heading: string;
  /** The button that opens the file dialog. */
  choose: string;
  /** Next to that button: the drop zone's invitation. */
  drop: string;
  /** Removes the chosen file. */
  remove: string;
  /** The password field's label. */
  password: string;
  /** Which password a statement uses (the `hint` slot replaces it). */
  passwordHint: string;
  /** The show-password checkbox. */
  show: string;
  /** The Upload button. */
  submit: string;
  /** The Cancel button. */
  cancel: string;
  /** The Retry button, for errors that may pass when tried again. */
  retry: string;
  /** After success: start over. */
  another: string;
  /** After a file error: open the file dialog again. */
  chooseAnother: string;
  /** After `invalid-password`: go back to the password field. */
  checkPassword: string;
  /** Under the empty password field after a failure that Retry may mend: the password typed is kept for it. */
  passwordKept: string;
  /** Upload pressed with no password typed. */
  passwordNeeded: string;
  /** Upload pressed with no file chosen. */
  fileNeeded: string;
  /** Why a `required` element keeps its form from submitting. */
  required: string;
  /** Announced when a file was chosen: `{name}`, `{size}`. */
  chosen: string;
  /** Upload progress: `{percent}`. */
  uploading: string;
  /** While the API reads the statement. */
  parsing: string;
  /** Success. */
  done: string;
  /** Summary labels. */
  investor: string;
  period: string;
  total: string;
  demat: string;
  folios: string;
}

/** English, the default. */
export const en: CasUploadStrings = {
  heading: 'Upload your CAS statement',
  choose: 'Choose PDF',
  drop: 'or drop it here',
  remove: 'Remove',
  password: 'PDF password',
  passwordHint: 'CAMS and KFintech: your PAN in capitals. CDSL and NSDL: the password from the statement e-mail.',
  show: 'Show password',
  submit: 'Upload',
  cancel: 'Cancel',
  retry: 'Retry',
  another: 'Upload another',
  chooseAnother: 'Choose another file',
  checkPassword: 'Check the password',
  passwordKept: 'The password you typed is kept for Retry.',
  passwordNeeded: "Type the statement's password first.",
  fileNeeded: 'Choose your CAS PDF first.',
  required: 'Upload your CAS statement first.',
  chosen: '{name} ({size}) is ready.',
  uploading: 'Uploading… {percent}%',
  parsing: 'Reading your statement…',
  done: 'Your statement was read.',
  investor: 'Investor',
  period: 'Statement period',
  total: 'Total value',
  demat: 'Demat accounts',
  folios: 'Mutual fund folios',
  // The error sentences are core's own (one copy in the bundle); this one names the limit.
  ...defaultMessages,
  'file-too-large': 'This file is larger than {max}.',
};
