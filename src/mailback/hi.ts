import type { CasMailbackStrings } from './en.js';
import { hi as uploadHi } from '../i18n/hi.js';
import { flowMessagesHi } from '../shared/flow-messages.hi.js';

/** Hindi for `<cas-mailback>`, loaded the first time it speaks Hindi (a file of its own). */
export const hi: CasMailbackStrings = {
  ...uploadHi,
  heading: 'अपना म्यूचुअल फंड स्टेटमेंट ई-मेल से पाएँ',
  intro: 'KFintech आपके सभी म्यूचुअल फंड (CAMS और KFintech) का स्टेटमेंट आपके फोलियो में दर्ज पते पर ई-मेल करता है। फिर आप उसे यहाँ अपलोड करें।',
  email: 'म्यूचुअल फंड में दर्ज ई-मेल',
  emailHint: 'स्टेटमेंट केवल इसी पते पर जाएगा।',
  pan: 'PAN (वैकल्पिक)',
  panHint: 'जब कई निवेशक एक ही ई-मेल इस्तेमाल करते हों, तब मदद करता है।',
  range: 'अवधि',
  sinceStart: 'शुरुआत से',
  lastFy: 'पिछला वित्त वर्ष',
  thisFy: 'यह वित्त वर्ष',
  lastYear: 'पिछले 12 महीने',
  custom: 'अन्य तिथियाँ',
  from: 'से',
  to: 'तक',
  password: 'PDF के लिए पासवर्ड चुनें',
  passwordHint: 'कम से कम {min} अक्षर, जो आपको याद रहे: स्टेटमेंट अपलोड करते समय इसे फिर लिखना होगा।',
  confirm: 'पासवर्ड फिर से लिखें',
  show: 'पासवर्ड दिखाएँ',
  mismatch: 'दोनों पासवर्ड एक जैसे नहीं हैं।',
  send: 'मुझे मेरा स्टेटमेंट ई-मेल करें',
  sending: 'KFintech से आपका स्टेटमेंट ई-मेल करने को कहा जा रहा है…',
  cancel: 'रद्द करें',
  retry: 'फिर से कोशिश करें',
  cancelled: 'रद्द किया गया।',
  sent: 'KFintech आपका स्टेटमेंट {email} पर ई-मेल कर रहा है।',
  sentWhen: 'यह आमतौर पर 2 से 5 मिनट में KFintech से आता है।',
  sentPassword: 'PDF उसी पासवर्ड से खुलेगी जो आपने अभी चुना।',
  sentSpam: '10 मिनट बाद भी कुछ नहीं? स्पैम फ़ोल्डर देखें, फिर दोबारा माँगें।',
  upload: 'PDF मिल गई: अपलोड करें',
  another: 'फिर से माँगें',
  ...flowMessagesHi,
};
