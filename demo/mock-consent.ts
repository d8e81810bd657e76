// The mock provider's consent page (demo and tests): back to `redirect_uri` with `inbox_token`,
// `email` and `state` (Allow), or `error=access_denied` and `state` (Deny). With `answer=allow`
// or `answer=deny` in its own query it answers at once.
import { MOCK_INBOX_TOKEN } from '../test/mocks/inbox-token.js';

const query = new URLSearchParams(location.search);
function answer(allow: boolean) {
  const back = new URL(query.get('redirect_uri') ?? '/', location.href);
  if (allow) {
    back.searchParams.set('inbox_token', MOCK_INBOX_TOKEN);
    back.searchParams.set('email', 'investor@example.com');
  } else back.searchParams.set('error', 'access_denied');
  back.searchParams.set('state', query.get('state') ?? '');
  location.replace(back.href);
}
document.getElementById('allow')!.addEventListener('click', () => answer(true));
document.getElementById('deny')!.addEventListener('click', () => answer(false));
document.body.dataset.ready = '';
if (query.get('answer')) answer(query.get('answer') !== 'deny');
