import { defaultMessages, type CasUploadErrorCode } from '../core/errors.js';
import { flowMessages } from '../core/flow-messages.js';
import { flowTexts } from '../shared/flow-texts.js';

/**
 * Every text `<cas-cdsl-fetch>` shows; its `strings` property may override any of them.
 * `{name}`-style placeholders are filled in by the element.
 */
export interface CasCdslFetchStrings extends Record<CasUploadErrorCode, string> {
  /** `invalid-details` naming the fields that failed the checks (`{fields}`: their labels). */
  checkFields: string;
  /** The heading above the form (the `heading` slot replaces it). */
  heading: string;
  /** Under the heading, on the details step: what the investor needs. */
  intro: string;
  pan: string;
  panHint: string;
  boId: string;
  boIdHint: string;
  dob: string;
  /** The main button of the details step. */
  sendOtp: string;
  /** While the OTP is asked for (about 20 s). */
  requesting: string;
  /** Under it: what happens next. */
  requestingHint: string;
  /** On the OTP step. */
  otpSent: string;
  otp: string;
  /** The main button of the OTP step. */
  verify: string;
  /** Back to the details. */
  back: string;
  /** Asks for a new OTP (offered 30 s after the last one). */
  resend: string;
  /** Under the OTP: the seconds before a new OTP may be asked for (`{seconds}`, such as "28 seconds"); also announced when the OTP was sent. */
  resendIn: string;
  /** Once a new OTP may be asked for; announced politely. */
  resendNow: string;
  cancel: string;
  retry: string;
  /** While CDSL's statement is fetched. */
  verifying: string;
  /** While the statement is read. */
  parsing: string;
  /** Announced when the run was cancelled. */
  cancelled: string;
  /** After the PAN was refused as the statement's password. */
  panNotPassword: string;
  password: string;
  passwordHint: string;
  /** The main button of the password step. */
  parse: string;
  /** The "Show password" checkbox. */
  show: string;
  /** Success, and the summary's labels. */
  done: string;
  statement: string;
  investor: string;
  total: string;
  /** After success: start over. */
  another: string;
}

/** English, the default. */
export const en: CasCdslFetchStrings = {
  heading: 'Fetch your CDSL statement',
  intro: 'For investors with a CDSL demat account. CDSL sends an OTP to the mobile number registered with it; no PDF needed.',
  pan: 'PAN',
  panHint: '10 characters, like ABCDE1234F.',
  boId: 'BO ID (demat account number)',
  boIdHint: '16 digits, on your demat statement or broker app.',
  dob: 'Date of birth',
  sendOtp: 'Send OTP',
  requesting: 'Asking CDSL to send you an OTP…',
  requestingHint: 'This takes 15 to 20 seconds. Then an SMS comes to the mobile number registered with your demat account.',
  otpSent: 'CDSL sent an OTP by SMS to the mobile number registered with your demat account.',
  otp: 'OTP',
  verify: 'Fetch statement',
  back: 'Change details',
  resend: 'Send a new OTP',
  resendIn: 'No SMS? You can ask for a new OTP in {seconds}.',
  resendNow: 'No SMS? You can ask for a new OTP now.',
  cancel: 'Cancel',
  retry: 'Retry',
  verifying: 'Fetching your statement from CDSL…',
  parsing: 'Reading your statement…',
  cancelled: 'Cancelled.',
  panNotPassword: 'This statement is not protected with your PAN. Please type its password.',
  password: 'Statement password',
  passwordHint: 'As given in CDSL’s statement e-mail.',
  parse: 'Read statement',
  done: 'Your statement was read.',
  statement: 'Statement',
  investor: 'Investor',
  total: 'Total value',
  another: 'Fetch again',
  ...defaultMessages,
  ...flowMessages,
  ...flowTexts,
};
