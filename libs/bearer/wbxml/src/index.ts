export * from './wbxml-compiler';
export * from './wbxml-compile-error';
export * from './wbxml-decompiler';
export { SI_LANGUAGE, SL_LANGUAGE, CO_LANGUAGE } from './wap-push-languages';
export type { WbxmlLanguage, AttributeStart } from './wbxml-language';
