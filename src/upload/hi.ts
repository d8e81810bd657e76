import type { CasUploadStrings } from './en.js';
import { messagesHi } from '../shared/messages.hi.js';

/**
 * Hindi. Loaded on demand, the first time an element speaks it: a chunk of its own in the npm
 * build (`dist/chunks/upload-hi.js`), `dist/cdn/cas-upload.hi.js` beside the script-tag files.
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
  passwordKept: 'आपका लिखा पासवर्ड फिर से कोशिश के लिए रखा गया है।',
  passwordNeeded: 'पहले स्टेटमेंट का पासवर्ड लिखें।',
  fileNeeded: 'पहले अपनी CAS PDF चुनें।',
  required: 'पहले अपना CAS स्टेटमेंट अपलोड करें।',
  chosen: '{name} ({size}) तैयार है।',
  uploading: 'अपलोड हो रहा है… {percent}%',
  parsing: 'आपका स्टेटमेंट पढ़ा जा रहा है…',
  done: 'आपका स्टेटमेंट पढ़ लिया गया।',
  investor: 'निवेशक',
  period: 'स्टेटमेंट अवधि',
  total: 'कुल मूल्य',
  demat: 'डीमैट खाते',
  folios: 'म्यूचुअल फ़ंड फ़ोलियो',
  ...messagesHi,
};
