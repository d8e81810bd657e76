import 'cas-upload';
import type { CasUploadSuccessDetail } from 'cas-upload';

const save = (result: CasUploadSuccessDetail['result']) => console.log(result);

export const App = () => (
  <cas-upload
    token-url="/api/casparser/token"
    parser="cdsl"
    max-size={1024}
    strings={{ heading: 'Upload' }}
    class="upload"
    oncas-upload-success={(e) => save(e.detail.result)}
    oncas-upload-error={(e) => console.warn(e.detail.code)}
  ></cas-upload>
);
