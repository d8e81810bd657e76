import { defaultMessages, type CasUploadErrorCode } from '../core/errors.js';
import { flowMessages } from '../core/flow-messages.js';
import { flowTexts } from '../shared/flow-texts.js';

/**
 * Every text `<cas-forward>` shows; its `strings` property may override any of them.
 * `{name}`-style placeholders are filled in by the element.
 */
export interface CasForwardStrings extends Record<CasUploadErrorCode, string> {
  /** The heading above the flow (the `heading` slot replaces it). */
  heading: string;
  /** Under the heading, before the start: what happens. */
  intro: string;
  /** The button that makes the forwarding address. */
  start: string;
  /** While the address is made. */
  creating: string;
  /** Above the address. */
  copyStep: string;
  /** The copy button. */
  copy: string;
  /** After the address was copied. */
  copied: string;
  /** Where the browser refused the clipboard: the address is selected instead. */
  copyRefused: string;
  /** Above the senders: whose e-mail to forward. */
  forwardStep: string;
  /** Under the senders: `{minutes}` how long the address works ("30 minutes"). */
  arrives: string;
  /** While nothing has arrived yet (the busy indicator's label). */
  waiting: string;
  /** Announced when a statement arrives: `{name}`. */
  arrived: string;
  /** Above the list of statements received. */
  received: string;
  /** The password step: `{name}` the statement chosen. */
  chosen: string;
  password: string;
  passwordHint: string;
  /** The "Show password" checkbox. */
  show: string;
  /** After the PAN was refused as the statement's password. */
  panNotPassword: string;
  /** The main button of the password step. */
  parse: string;
  /** While the statement is read. */
  parsing: string;
  /** No statement within `wait-minutes` (`{minutes}`: "30 minutes"). */
  timedOut: string;
  /** The address is gone or expired (a 404 while waiting). */
  gone: string;
  /** The API refused to make an address: `{reason}` its message. */
  refused: string;
  /** Start again after the flow ended in an error. */
  again: string;
  retry: string;
  cancel: string;
  /** Announced when the flow was cancelled. */
  cancelled: string;
  /** Success, and the summary's labels. */
  done: string;
  statement: string;
  investor: string;
  total: string;
  another: string;
}

/** English, the default. */
export const en: CasForwardStrings = {
  heading: 'Forward your statement e-mail',
  intro: 'Already have an e-mail with your statement from CDSL, NSDL, CAMS or KFintech? Get a one-time address, forward that e-mail to it, and your statement is read here.',
  start: 'Get a forwarding address',
  creating: 'Making your forwarding address…',
  copyStep: 'Copy this address:',
  copy: 'Copy address',
  copied: 'Address copied.',
  copyRefused: 'The address is selected: copy it with your browser.',
  forwardStep: 'In your mail app, forward the e-mail with your statement, from one of these senders, to that address:',
  arrives: 'Your statement shows here shortly after you forward it. Keep this page open; the address works for {minutes}.',
  waiting: 'Waiting for your e-mail…',
  arrived: 'Your statement arrived: {name}.',
  received: 'Statements received',
  chosen: 'Statement: {name}',
  password: 'Statement password',
  passwordHint: 'CAMS and KFintech statements: usually your PAN in capitals. CDSL and NSDL: as given in the statement e-mail.',
  panNotPassword: 'Your PAN does not open this statement. Please type its password.',
  parse: 'Read statement',
  parsing: 'Reading your statement…',
  timedOut: 'No statement arrived within {minutes}. Please start again.',
  gone: 'This forwarding address has expired or was removed. Please start again.',
  refused: 'A forwarding address could not be made: {reason}',
  again: 'Start again',
  retry: 'Retry',
  cancel: 'Cancel',
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
