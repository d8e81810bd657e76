// filepond with its stylesheet (the widget is unstyled without it).
import 'filepond/dist/filepond.min.css';
export * from 'filepond';
