// Loads one script-tag file the way the page's query asks:
//   ?classic  dist/cdn/cas-upload.iife.js with <script src>, else the module
//   ?blob     from a blob: URL made of the file's text, else from /dist/cdn/
//   ?clobber  first puts <img name="currentScript"> in the page, which shadows
//             document.currentScript (DOM clobbering): no file may take the image's URL for
//             its own and fetch code from there.
const query = new URLSearchParams(location.search);
const classic = query.has('classic');
const file = `/dist/cdn/${classic ? 'cas-upload.iife.js' : 'cas-upload.js'}`;
if (query.has('clobber')) {
  const img = document.createElement('img');
  img.name = 'currentScript';
  img.alt = '';
  img.src = '/evil/pixel.png';
  document.body.append(img);
}
const add = (src) => {
  const script = document.createElement('script');
  if (!classic) script.type = 'module';
  script.src = src;
  document.body.append(script);
};
if (query.has('blob')) {
  fetch(file)
    .then((res) => res.blob())
    .then((blob) => add(URL.createObjectURL(new Blob([blob], { type: 'text/javascript' }))));
} else {
  add(file);
}
