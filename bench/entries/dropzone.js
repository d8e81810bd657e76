// dropzone with its stylesheet (the default drop area and previews need it).
import 'dropzone/dist/dropzone.css';
export { Dropzone } from 'dropzone';
