import 'cas-upload';

export const Mistakes = () => (
  <div>
    <cas-upload token-url={123}></cas-upload>
    <cas-upload parser="pdf"></cas-upload>
    <cas-upload strings={{ headnig: 'Upload' }}></cas-upload>
    <cas-upload oncas-upload-success={(e: CustomEvent<number>) => console.log(e.detail)}></cas-upload>
  </div>
);
