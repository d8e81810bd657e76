import 'cas-upload';

export const Mistakes = () => (
  <div>
    <cas-upload token-url={123}></cas-upload>
    <cas-upload parser="pdf"></cas-upload>
    <cas-upload prop:strings={{ headnig: 'Upload' }}></cas-upload>
    <cas-upload on:cas-upload-success={(e: CustomEvent<number>) => console.log(e.detail)}></cas-upload>
  </div>
);
