import type { FlowErrorCode } from './errors.js';

/**
 * English sentence for each code that only the flows without a PDF in hand use (CDSL fetch,
 * mailback, inbox): their `CasUploadError.message`, and the elements' English text.
 */
export const flowMessages: Record<FlowErrorCode, string> = {
  'invalid-details': 'Please check the details you typed.',
  'invalid-otp': 'This OTP is not correct. Please type it again.',
  'session-expired': 'The OTP has expired. Please ask for a new one.',
  'fetch-failed': 'Your statement could not be fetched just now. Please try again.',
  'no-statements': 'No statement was found.',
  'inbox-error': 'Your mailbox could not be connected.',
};
