import 'cas-upload';
import type { CasUploadSuccessDetail } from 'cas-upload';

const save = (result: CasUploadSuccessDetail['result']) => console.log(result);

export const App = () => (
  <cas-upload
    token-url="/api/casparser/token"
    parser="cdsl"
    max-size={1024}
    prop:strings={{ heading: 'Upload' }}
    class="upload"
    on:cas-upload-success={(e) => save(e.detail.result)}
    on:cas-upload-error={(e) => console.warn(e.detail.code)}
  ></cas-upload>
);
