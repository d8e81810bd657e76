import { defaultMessages, type CasUploadErrorCode } from '../core/errors.js';
import { flowMessages } from '../core/flow-messages.js';
import { flowTexts } from '../shared/flow-texts.js';

/**
 * Every text `<cas-inbox>` shows; its `strings` property may override any of them.
 * `{name}`-style placeholders are filled in by the element.
 */
export interface CasInboxStrings extends Record<CasUploadErrorCode, string> {
  /** The heading above the flow (the `heading` slot replaces it). */
  heading: string;
  /** Under the heading: what happens. */
  intro: string;
  /** The button that opens a mailbox's consent page: `{provider}` its name (Gmail, Outlook, Zoho Mail). */
  connect: string;
  /** The button that lists the statements with a grant already held (`inboxToken`, `keep-connected`). */
  search: string;
  /** While the consent page of `{provider}` is open. */
  connecting: string;
  connectingHint: string;
  /** The popup was blocked. */
  blocked: string;
  /** The popup was closed before the mailbox was connected. */
  closed: string;
  /** The investor refused consent. */
  refused: string;
  /** The API says the grant was revoked or expired (401 `requires_reconnect`): connect again. */
  reconnect: string;
  /** Try the popup again. */
  again: string;
  listing: string;
  /** Above the list: `{count}` statements. */
  found: string;
  /** The password step: `{name}` the statement chosen. */
  chosen: string;
  password: string;
  passwordHint: string;
  /** The "Show password" checkbox. */
  show: string;
  /** The main button of the password step. */
  parse: string;
  parsing: string;
  back: string;
  cancel: string;
  retry: string;
  cancelled: string;
  done: string;
  statement: string;
  investor: string;
  total: string;
  another: string;
}

/** English, the default. */
export const en: CasInboxStrings = {
  heading: 'Find your statement in your mailbox',
  intro: 'Your mail provider asks you to let CAS Parser read the statement e-mails in your mailbox. Only statements are read, and the access is removed when you are done.',
  connect: 'Connect {provider}',
  search: 'Find my statements',
  connecting: 'Waiting for you in the {provider} window…',
  connectingHint: 'Choose your account there and allow access. The window closes by itself.',
  blocked: 'The browser blocked the sign-in window. Please allow pop-ups for this site and try again.',
  closed: 'The sign-in window was closed before your mailbox was connected.',
  refused: 'Access to your mailbox was not given.',
  reconnect: 'The access to your mailbox has ended. Please connect it again.',
  again: 'Try again',
  listing: 'Looking for statements in your mailbox…',
  found: 'Choose a statement',
  chosen: 'Statement: {name}',
  password: 'Statement password',
  passwordHint: 'CAMS and KFintech statements: usually your PAN in capitals. CDSL and NSDL: as given in the statement e-mail.',
  parse: 'Read statement',
  parsing: 'Reading your statement…',
  back: 'Choose another',
  cancel: 'Cancel',
  retry: 'Retry',
  cancelled: 'Cancelled.',
  done: 'Your statement was read.',
  statement: 'Statement',
  investor: 'Investor',
  total: 'Total value',
  another: 'Start again',
  ...defaultMessages,
  ...flowMessages,
  ...flowTexts,
};
