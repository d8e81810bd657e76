import type { CasUploadErrorCode } from '../core/errors.js';

/** Every text the element shows; `strings` may override any of them. */
export interface CasUploadStrings extends Record<CasUploadErrorCode, string> {
  heading: string;
  choose: string;
  drop: string;
  remove: string;
  password: string;
  passwordHint: string;
  show: string;
  hide: string;
  submit: string;
  cancel: string;
  retry: string;
  another: string;
  chooseAnother: string;
  checkPassword: string;
  chosen: string;
  uploading: string;
  parsing: string;
  elapsed: string;
  done: string;
  cancelled: string;
  investor: string;
  period: string;
  total: string;
  demat: string;
  folios: string;
}

/** English, the default. `{name}`-style placeholders are filled in by the element. */
export const en: CasUploadStrings = {
  heading: 'Upload your CAS statement',
  choose: 'Choose PDF',
  drop: 'or drop it here',
  remove: 'Remove',
  password: 'PDF password',
  passwordHint:
    'CAMS and KFintech statements: your PAN in capitals. CDSL and NSDL statements: the password given in the statement e-mail.',
  show: 'Show password',
  hide: 'Hide password',
  submit: 'Upload',
  cancel: 'Cancel',
  retry: 'Try again',
  another: 'Upload another',
  chooseAnother: 'Choose another file',
  checkPassword: 'Check the password',
  chosen: 'Chosen: {name}',
  uploading: 'Uploading… {percent}%',
  parsing: 'Reading your statement…',
  elapsed: '{seconds} s',
  done: 'Your statement was read.',
  cancelled: 'Upload cancelled.',
  investor: 'Investor',
  period: 'Statement period',
  total: 'Total value',
  demat: 'Demat accounts',
  folios: 'Mutual fund folios',
  'config-error': 'The uploader is not set up correctly.',
  'invalid-file': 'Please choose a PDF file. This file is empty or not a PDF.',
  'file-too-large': 'This file is larger than {max}.',
  'token-error': 'Could not start a secure session. Please try again.',
  'invalid-password': 'The password is not correct for this statement.',
  'parse-failed': 'This PDF could not be read as a CAS statement. Please upload the original PDF.',
  'quota-exceeded': 'The statement service is not available right now. Please try later.',
  'auth-failed': 'The statement service did not accept this session. Please reload the page.',
  'rate-limited': 'Too many uploads just now. Please wait a minute and try again.',
  'server-error': 'The statement service had a problem. Please try again.',
  'network-error': 'Could not reach the statement service. Please check your connection.',
  timeout: 'The statement service took too long to answer. Please try again.',
  aborted: 'The upload was cancelled.',
};
