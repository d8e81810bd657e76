import type { CasInboxStrings } from './en.js';
import { messagesHi } from '../shared/messages.hi.js';
import { flowMessagesHi, flowTextsHi } from '../shared/flow-messages.hi.js';

/** Hindi for `<cas-inbox>`, loaded the first time it speaks Hindi (a file of its own). */
export const hi: CasInboxStrings = {
  ...messagesHi,
  heading: 'अपने मेलबॉक्स में अपना स्टेटमेंट ढूँढें',
  intro: 'आपका मेल प्रदाता आपसे पूछेगा कि क्या CAS Parser आपके मेलबॉक्स में स्टेटमेंट वाले ई-मेल पढ़ सकता है। केवल स्टेटमेंट पढ़े जाते हैं, और काम पूरा होने पर अनुमति हटा दी जाती है।',
  connect: '{provider} जोड़ें',
  search: 'मेरे स्टेटमेंट ढूँढें',
  connecting: '{provider} की विंडो में आपका इंतज़ार है…',
  connectingHint: 'वहाँ अपना खाता चुनें और अनुमति दें। विंडो अपने आप बंद हो जाएगी।',
  blocked: 'ब्राउज़र ने साइन-इन विंडो रोक दी। कृपया इस साइट के लिए पॉप-अप की अनुमति दें और फिर से कोशिश करें।',
  closed: 'मेलबॉक्स जुड़ने से पहले साइन-इन विंडो बंद कर दी गई।',
  refused: 'मेलबॉक्स की अनुमति नहीं दी गई।',
  reconnect: 'आपके मेलबॉक्स की अनुमति ख़त्म हो गई है। कृपया उसे फिर से जोड़ें।',
  again: 'फिर से कोशिश करें',
  listing: 'आपके मेलबॉक्स में स्टेटमेंट ढूँढे जा रहे हैं…',
  found: 'एक स्टेटमेंट चुनें',
  chosen: 'स्टेटमेंट: {name}',
  password: 'स्टेटमेंट पासवर्ड',
  passwordHint: 'CAMS और KFintech स्टेटमेंट: आमतौर पर बड़े अक्षरों में आपका PAN। CDSL और NSDL: जैसा स्टेटमेंट ई-मेल में दिया है।',
  parse: 'स्टेटमेंट पढ़ें',
  parsing: 'आपका स्टेटमेंट पढ़ा जा रहा है…',
  back: 'दूसरा चुनें',
  cancel: 'रद्द करें',
  retry: 'फिर से कोशिश करें',
  cancelled: 'रद्द किया गया।',
  done: 'आपका स्टेटमेंट पढ़ लिया गया।',
  statement: 'स्टेटमेंट',
  investor: 'निवेशक',
  total: 'कुल मूल्य',
  another: 'फिर से शुरू करें',
  ...flowMessagesHi,
  ...flowTextsHi,
};
