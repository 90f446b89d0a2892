export * from './decode-error';
export * from './byte-reader';
export * from './byte-writer';
export * from './hex';
