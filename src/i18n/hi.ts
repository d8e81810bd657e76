import type { CasUploadStrings } from './en.js';

/**
 * Hindi. Loaded on demand, the first time an element speaks it: a chunk of its own in the npm
 * build (`dist/chunks/hi.js`), `dist/cdn/cas-upload.hi.js` beside the script-tag files.
 */
export const hi: CasUploadStrings = {
  heading: 'अपना CAS स्टेटमेंट अपलोड करें',
  choose: 'PDF चुनें',
  drop: 'या यहाँ छोड़ें',
  remove: 'हटाएँ',
  password: 'PDF पासवर्ड',
  passwordHint: 'CAMS और KFintech: बड़े अक्षरों में आपका PAN। CDSL और NSDL: स्टेटमेंट ई-मेल में दिया गया पासवर्ड।',
  show: 'पासवर्ड दिखाएँ',
  submit: 'अपलोड करें',
  cancel: 'रद्द करें',
  retry: 'फिर से कोशिश करें',
  another: 'दूसरा अपलोड करें',
  chooseAnother: 'दूसरी फ़ाइल चुनें',
  checkPassword: 'पासवर्ड जाँचें',
  chosen: '{name} ({size}) तैयार है।',
  uploading: 'अपलोड हो रहा है… {percent}%',
  parsing: 'आपका स्टेटमेंट पढ़ा जा रहा है…',
  done: 'आपका स्टेटमेंट पढ़ लिया गया।',
  investor: 'निवेशक',
  period: 'स्टेटमेंट अवधि',
  total: 'कुल मूल्य',
  demat: 'डीमैट खाते',
  folios: 'म्यूचुअल फ़ंड फ़ोलियो',
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
