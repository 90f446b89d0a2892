export * from './xml-error';
export * from './xml-document';
export * from './xml-limits';
export * from './xml-parser';
export * from './xml-escape';
export * from './xml-writer';
