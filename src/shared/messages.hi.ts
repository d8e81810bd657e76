import type { UploadErrorCode } from '../core/errors.js';

/**
 * Hindi sentences of the error codes every element can show (the English ones are
 * `defaultMessages` in core). Each element's Hindi file spreads them; they load with it.
 */
export const messagesHi: Record<UploadErrorCode, string> = {
  'config-error': 'अपलोडर ठीक से सेट नहीं है।',
  'invalid-file': 'यह फ़ाइल खाली है या PDF नहीं है।',
  'file-too-large': 'यह फ़ाइल {max} से बड़ी है।',
  'token-error': 'सुरक्षित सत्र शुरू नहीं हो सका।',
  'invalid-password': 'इस स्टेटमेंट के लिए पासवर्ड सही नहीं है।',
  'parse-failed': 'यह PDF CAS स्टेटमेंट के रूप में पढ़ी नहीं जा सकी। कृपया मूल PDF अपलोड करें।',
  'quota-exceeded': 'स्टेटमेंट सेवा अभी उपलब्ध नहीं है। कृपया बाद में कोशिश करें।',
  'auth-failed': 'स्टेटमेंट सेवा ने यह सत्र स्वीकार नहीं किया। कृपया पेज फिर से लोड करें।',
  'rate-limited': 'अभी बहुत सारे अपलोड हुए हैं। कृपया एक मिनट रुकें।',
  'server-error': 'स्टेटमेंट सेवा में समस्या हुई।',
  'network-error': 'स्टेटमेंट सेवा तक नहीं पहुँच सके। कृपया अपना कनेक्शन जाँचें।',
  timeout: 'स्टेटमेंट सेवा ने जवाब देने में बहुत देर की।',
  aborted: 'अपलोड रद्द किया गया।',
};
