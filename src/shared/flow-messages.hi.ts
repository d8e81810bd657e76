import type { FlowErrorCode } from '../core/errors.js';
import type { flowTexts } from './flow-texts.js';

/**
 * Hindi sentences of the codes only the flows without a PDF in hand use (the English ones are
 * `flowMessages` in core). Each flow element's Hindi file spreads them; they load with it.
 */
export const flowMessagesHi: Record<FlowErrorCode, string> = {
  'invalid-details': 'कृपया आपके भरे गए विवरण जाँचें।',
  'invalid-otp': 'यह OTP सही नहीं है। कृपया फिर से लिखें।',
  'session-expired': 'OTP की समय-सीमा खत्म हो गई। कृपया नया OTP मँगाएँ।',
  'fetch-failed': 'आपका स्टेटमेंट अभी नहीं मिल सका। कृपया फिर से कोशिश करें।',
  'no-statements': 'कोई स्टेटमेंट नहीं मिला।',
  'inbox-error': 'आपका मेलबॉक्स जोड़ा नहीं जा सका।',
};

/** Hindi of `flowTexts`. */
export const flowTextsHi: typeof flowTexts = {
  checkFields: 'कृपया जाँचें: {fields}।',
  show: 'पासवर्ड दिखाएँ',
};
