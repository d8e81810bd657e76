import { defaultMessages, type CasUploadErrorCode } from '../core/errors.js';
import { flowMessages } from '../core/flow-messages.js';
import { flowTexts } from '../shared/flow-texts.js';

/**
 * Every text `<cas-mailback>` shows; its `strings` property may override any of them.
 * `{name}`-style placeholders are filled in by the element.
 */
export interface CasMailbackStrings extends Record<CasUploadErrorCode, string> {
  /** `invalid-details` naming the fields that failed the checks (`{fields}`: their names, the `…Name` texts). */
  checkFields: string;
  /** The heading above the form (the `heading` slot replaces it). */
  heading: string;
  /** Under the heading: what happens. */
  intro: string;
  email: string;
  emailHint: string;
  pan: string;
  panHint: string;
  /** The date-range presets. */
  range: string;
  sinceStart: string;
  lastFy: string;
  thisFy: string;
  lastYear: string;
  custom: string;
  from: string;
  to: string;
  password: string;
  /** `{min}`: the shortest password. */
  passwordHint: string;
  confirm: string;
  show: string;
  /** The two passwords differ. */
  mismatch: string;
  /** The fields as `checkFields` names them when they fail the checks. */
  emailName: string;
  panName: string;
  fromDateName: string;
  toDateName: string;
  passwordName: string;
  /** The password typed again, when it differs. */
  confirmName: string;
  /** The main button. */
  send: string;
  sending: string;
  cancel: string;
  retry: string;
  cancelled: string;
  /** The sent state: `{email}` where it goes. */
  sent: string;
  sentWhen: string;
  sentPassword: string;
  sentSpam: string;
  /** Go on to the upload. */
  upload: string;
  /** Ask again. */
  another: string;
}

/** English, the default. */
export const en: CasMailbackStrings = {
  heading: 'Get your mutual fund statement by e-mail',
  intro: 'KFintech e-mails a statement of all your mutual funds (CAMS and KFintech) to the address registered with your folios. Then you upload it here.',
  email: 'E-mail registered with your mutual funds',
  emailHint: 'The statement goes only to this address.',
  pan: 'PAN (optional)',
  panHint: 'Helps when several investors share this e-mail.',
  range: 'Period',
  sinceStart: 'Since the start',
  lastFy: 'Last financial year',
  thisFy: 'This financial year',
  lastYear: 'Last 12 months',
  custom: 'Other dates',
  from: 'From',
  to: 'To',
  password: 'Choose a password for the PDF',
  passwordHint: 'At least {min} characters, one you will remember: you type it again to upload the statement.',
  confirm: 'Type the password again',
  mismatch: 'The two passwords are not the same.',
  send: 'E-mail me my statement',
  sending: 'Asking KFintech to e-mail your statement…',
  cancel: 'Cancel',
  retry: 'Try again',
  cancelled: 'Cancelled.',
  sent: 'KFintech is e-mailing your statement to {email}.',
  sentWhen: 'It usually arrives within 2 to 5 minutes, from KFintech.',
  sentPassword: 'The PDF opens with the password you chose just now.',
  sentSpam: 'Nothing after 10 minutes? Look in your spam folder, then ask again.',
  upload: 'I have the PDF: upload it',
  another: 'Ask again',
  ...defaultMessages,
  // A 429 says what was refused: this request, not an upload.
  'rate-limited': 'Too many statement requests just now: KFintech was not asked to send this one. Please wait a minute, then ask again.',
  emailName: 'E-mail',
  panName: 'PAN',
  fromDateName: 'Start date',
  toDateName: 'End date',
  passwordName: 'PDF password',
  confirmName: 'Password typed again (not the same)',
  ...flowMessages,
  ...flowTexts,
};
