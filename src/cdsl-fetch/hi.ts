import type { CasCdslFetchStrings } from './en.js';
import { messagesHi } from '../shared/messages.hi.js';
import { flowMessagesHi, flowTextsHi } from '../shared/flow-messages.hi.js';

/**
 * Hindi for `<cas-cdsl-fetch>`, loaded the first time it speaks Hindi (a file of its own). The
 * error sentences are those every element shares, and those of the flows.
 */
export const hi: CasCdslFetchStrings = {
  ...messagesHi,
  heading: 'अपना CDSL स्टेटमेंट मँगाएँ',
  intro: 'CDSL डीमैट खाते वाले निवेशकों के लिए। CDSL में दर्ज मोबाइल नंबर पर OTP आएगा; PDF की ज़रूरत नहीं।',
  pan: 'PAN',
  panHint: '10 अक्षर, जैसे ABCDE1234F।',
  boId: 'BO ID (डीमैट खाता संख्या)',
  boIdHint: '16 अंक, आपके डीमैट स्टेटमेंट या ब्रोकर ऐप में।',
  dob: 'जन्म तिथि',
  sendOtp: 'OTP भेजें',
  requesting: 'CDSL से OTP भेजने को कहा जा रहा है…',
  requestingHint: 'इसमें 15 से 20 सेकंड लगते हैं। फिर आपके डीमैट खाते में दर्ज मोबाइल नंबर पर SMS आएगा।',
  otpSent: 'CDSL ने आपके डीमैट खाते में दर्ज मोबाइल नंबर पर SMS से OTP भेजा है।',
  otp: 'OTP',
  verify: 'स्टेटमेंट मँगाएँ',
  back: 'विवरण बदलें',
  resend: 'नया OTP भेजें',
  resendIn: 'SMS नहीं आया? {seconds} बाद आप नया OTP माँग सकते हैं।',
  resendNow: 'SMS नहीं आया? अब आप नया OTP माँग सकते हैं।',
  cancel: 'रद्द करें',
  retry: 'फिर से कोशिश करें',
  verifying: 'CDSL से आपका स्टेटमेंट मँगाया जा रहा है…',
  parsing: 'आपका स्टेटमेंट पढ़ा जा रहा है…',
  cancelled: 'रद्द किया गया।',
  panNotPassword: 'यह स्टेटमेंट आपके PAN से सुरक्षित नहीं है। कृपया उसका पासवर्ड लिखें।',
  password: 'स्टेटमेंट पासवर्ड',
  passwordHint: 'जैसा CDSL के स्टेटमेंट ई-मेल में दिया है।',
  parse: 'स्टेटमेंट पढ़ें',
  done: 'आपका स्टेटमेंट पढ़ लिया गया।',
  statement: 'स्टेटमेंट',
  investor: 'निवेशक',
  total: 'कुल मूल्य',
  another: 'फिर से मँगाएँ',
  ...flowMessagesHi,
  ...flowTextsHi,
};
